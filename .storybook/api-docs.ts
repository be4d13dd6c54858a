/**
 * The API tables of the docs pages, from the custom-elements manifest. Storybook's own
 * extraction keys every row by its bare name, so a CSS part named like an attribute replaces
 * it (`<intake-form>`'s `draft` part hid its `draft` attribute); here each section keeps its rows.
 */

interface Item {
  name: string;
  kind?: string;
  description?: string;
  type?: { text?: string } | string;
  default?: string;
  attribute?: string;
  fieldName?: string;
  privacy?: string;
  static?: boolean;
}

interface Declaration {
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}

export interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

export interface ApiArgType {
  name: string;
  description?: string;
  type?: { name: string };
  action?: string;
  control?: false;
  table: {
    category?: string;
    disable?: boolean;
    type?: { summary?: string };
    defaultValue?: { summary?: string };
  };
}

const typeText = (item: Item) => (typeof item.type === 'string' ? item.type : item.type?.text);

/** `intake-submit` → `onIntakeSubmit`, the arg Storybook's actions log the event under. */
const handlerName = (event: string) =>
  `on${event.replace(/(?:^|[-_:.\s]+)(.)/g, (_, chr: string) => chr.toUpperCase())}`;

/** The argTypes of the element `tagName`: attributes, properties, events, slots, custom properties, parts. */
export function apiArgTypes(
  manifest: Manifest,
  tagName: string,
): Record<string, ApiArgType> | undefined {
  const declaration = manifest.modules
    ?.flatMap((module) => module.declarations ?? [])
    .find((d) => d.tagName === tagName);
  if (!declaration) return undefined;
  const argTypes: Record<string, ApiArgType> = {};
  const add = (category: string, item: Item, key = item.name) => {
    argTypes[argTypes[key] ? `${key} (${category})` : key] = {
      name: item.name,
      description: item.description,
      type: {
        name:
          category === 'attributes' || category === 'properties'
            ? (typeText(item) ?? 'unknown')
            : 'void',
      },
      control: false,
      table: {
        category,
        type: { summary: typeText(item) },
        defaultValue: { summary: item.default },
      },
    };
  };
  for (const attribute of declaration.attributes ?? []) {
    // `draft-days` is the property `draftDays`: both names are in the row.
    const field = attribute.fieldName;
    const description =
      field && field !== attribute.name
        ? `${attribute.description ?? ''}\n\nProperty: \`${field}\`.`.trim()
        : attribute.description;
    add('attributes', { ...attribute, description });
  }
  // Properties without an attribute (those with one are listed as attributes already).
  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field' || member.static || member.privacy === 'private') continue;
    if ((declaration.attributes ?? []).some((a) => a.name === member.attribute)) continue;
    add('properties', member);
  }
  for (const method of declaration.members ?? []) {
    if (method.kind === 'method' && !method.static && method.privacy !== 'private') {
      add('methods', method, `${method.name}()`);
    }
  }
  for (const event of declaration.events ?? []) {
    add('events', event);
    argTypes[handlerName(event.name)] = {
      name: handlerName(event.name),
      action: event.name,
      table: { disable: true },
    };
  }
  for (const slot of declaration.slots ?? []) add('slots', slot);
  for (const property of declaration.cssProperties ?? []) add('css custom properties', property);
  for (const part of declaration.cssParts ?? []) add('css shadow parts', part);
  return argTypes;
}
