/**
 * Storybook for intake-elements, set up by hand (`storybook init` cannot run on a machine
 * without a browser download: it installs Playwright's browsers as root). Telemetry is off. The stories are built from one list of named
 * examples (stories/examples.ts), the same list the accessibility tests in test/a11y use.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  // The example definitions (and their translation files, loaded relative to them) and the
  // shipped themes are served as they are, as a host page would serve them.
  staticDirs: [
    { from: '../schemas', to: '/schemas' },
    { from: '../themes', to: '/themes' },
  ],
  docs: { defaultName: 'API' },
  async viteFinal(viteConfig) {
    // The element's TypeScript has no decorators (static `properties`), so Vite's own transform
    // is enough. Relative base: the static build works from any folder it is deployed to. Vite
    // says only what is wrong (not every chunk it wrote), which keeps the CI log readable.
    return {
      ...viteConfig,
      base: './',
      logLevel: 'warn',
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2000 },
    };
  },
};

export default config;
