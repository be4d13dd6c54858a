// Demo-only glue, and the pattern a web team copies: one language for the whole page. Lives in
// its own file because the page runs under `script-src 'self'`, which forbids inline scripts —
// the same constraint a municipal CMS usually imposes.
//
// The page has one <intake-language-picker> without `for`, so it switches every form on the
// page. It fires `intake-language` ({ locale }, bubbling, composed) after the forms have
// switched; this script follows it to switch the page's own text, `lang` and `dir`. The
// library's strings are one language per page, so the page never offers a language that one of
// its forms lacks: the course registration (German and English) has a page of its own.

/** The page's own words, per language the picker offers. `{reference}` is filled in as <bdi>. */
const PAGE_TEXT = {
  de: {
    title: 'Erstberatung anfragen – Kommunales Integrationszentrum (Demo)',
    siteName: 'Kreis Musterland · Kommunales Integrationszentrum',
    heading: 'Erstberatung anfragen',
    intro:
      'Sie sind neu im Kreis Musterland und haben Fragen zu Aufenthalt, Arbeit, Wohnen oder Schule? Das Kommunale Integrationszentrum berät Sie kostenlos und vertraulich. Füllen Sie das Formular aus, dann melden wir uns bei Ihnen.',
    courseLink:
      'Für einen Integrationskurs oder Sprachkurs anmelden (Formular auf Deutsch und Englisch)',
    courseTitle: 'Für einen Sprachkurs anmelden – Kommunales Integrationszentrum (Demo)',
    courseHeading: 'Für einen Integrationskurs oder Sprachkurs anmelden',
    courseIntro:
      'Sie möchten Deutsch lernen? Melden Sie sich hier für einen Integrationskurs oder einen anderen Deutschkurs an. Wir beraten Sie, welcher Kurs zu Ihnen passt, und vermitteln Sie an einen Kursträger in Ihrer Nähe.',
    adviceLink: 'Erstberatung anfragen',
    outputHeading: 'Letzte Übermittlung (nur in der Demo)',
    statusIdle: 'Noch nichts übermittelt.',
    statusAccepted: 'Angenommen. Ihre Vorgangsnummer: {reference}',
    statusAcceptedPlain: 'Angenommen.',
    statusNotSent: 'Nicht übermittelt. Den Grund sehen Sie im Formular.',
  },
  en: {
    title: 'Ask for initial advice – Municipal Integration Centre (demo)',
    siteName: 'Musterland District · Municipal Integration Centre',
    heading: 'Ask for initial advice',
    intro:
      'Are you new to Musterland District and have questions about residence, work, housing or school? The Municipal Integration Centre advises you free of charge and in confidence. Fill in the form and we will get back to you.',
    courseLink:
      'Register for an integration course or language course (form in German and English)',
    courseTitle: 'Register for a language course – Municipal Integration Centre (demo)',
    courseHeading: 'Register for an integration course or language course',
    courseIntro:
      'Would you like to learn German? Register here for an integration course or another German course. We will advise you which course suits you and put you in touch with a course provider near you.',
    adviceLink: 'Ask for initial advice',
    outputHeading: 'Last submission (demo only)',
    statusIdle: 'Nothing sent yet.',
    statusAccepted: 'Received. Your reference number: {reference}',
    statusAcceptedPlain: 'Received.',
    statusNotSent: 'Not sent. The form shows why.',
  },
  ar: {
    title: 'طلب استشارة أولى – مركز الاندماج البلدي (عرض تجريبي)',
    siteName: 'مقاطعة موسترلاند · مركز الاندماج البلدي',
    heading: 'طلب استشارة أولى',
    intro:
      'هل أنتم جدد في مقاطعة موسترلاند ولديكم أسئلة حول الإقامة أو العمل أو السكن أو المدرسة؟ يقدّم لكم مركز الاندماج البلدي استشارة مجانية وسرية. املؤوا النموذج وسنتواصل معكم.',
    courseLink: 'التسجيل في دورة اندماج أو دورة لغة (النموذج بالألمانية والإنجليزية)',
    outputHeading: 'آخر إرسال (في العرض التجريبي فقط)',
    statusIdle: 'لم يُرسَل شيء بعد.',
    statusAccepted: 'تم الاستلام. رقمكم المرجعي: {reference}',
    statusAcceptedPlain: 'تم الاستلام.',
    statusNotSent: 'لم يتم الإرسال. يبيّن النموذج السبب.',
  },
  fa: {
    title: 'درخواست مشاورهٔ اولیه – مرکز محلی ادغام (نسخهٔ نمایشی)',
    siteName: 'شهرستان موسترلاند · مرکز محلی ادغام',
    heading: 'درخواست مشاورهٔ اولیه',
    intro:
      'تازه به شهرستان موسترلاند آمده‌اید و دربارهٔ اقامت، کار، مسکن یا مدرسه پرسش دارید؟ مرکز محلی ادغام به‌طور رایگان و محرمانه به شما مشاوره می‌دهد. فرم را پر کنید تا با شما تماس بگیریم.',
    courseLink: 'ثبت‌نام در دورهٔ ادغام یا دورهٔ زبان (فرم به آلمانی و انگلیسی)',
    outputHeading: 'آخرین ارسال (فقط در نسخهٔ نمایشی)',
    statusIdle: 'هنوز چیزی ارسال نشده است.',
    statusAccepted: 'دریافت شد. شماره پیگیری شما: {reference}',
    statusAcceptedPlain: 'دریافت شد.',
    statusNotSent: 'ارسال نشد. دلیل آن را در فرم می‌بینید.',
  },
  uk: {
    title: 'Запит на першу консультацію – Комунальний інтеграційний центр (демо)',
    siteName: 'Округ Мустерланд · Комунальний інтеграційний центр',
    heading: 'Запит на першу консультацію',
    intro:
      'Ви нещодавно в окрузі Мустерланд і маєте питання щодо перебування, роботи, житла чи школи? Комунальний інтеграційний центр консультує Вас безкоштовно та конфіденційно. Заповніть форму, і ми з Вами зв’яжемося.',
    courseLink: 'Записатися на інтеграційний курс або мовний курс (форма німецькою та англійською)',
    outputHeading: 'Остання передача (лише в демо)',
    statusIdle: 'Ще нічого не надіслано.',
    statusAccepted: 'Отримано. Номер вашої заявки: {reference}',
    statusAcceptedPlain: 'Отримано.',
    statusNotSent: 'Не надіслано. Причину показано у формі.',
  },
  tr: {
    title: 'İlk danışmanlık talebi – Komünal Entegrasyon Merkezi (demo)',
    siteName: 'Musterland İlçesi · Komünal Entegrasyon Merkezi',
    heading: 'İlk danışmanlık talebi',
    intro:
      'Musterland İlçesi’ne yeni mi geldiniz ve oturum, iş, konut veya okul hakkında sorularınız mı var? Komünal Entegrasyon Merkezi size ücretsiz ve gizli danışmanlık verir. Formu doldurun, sizinle iletişime geçelim.',
    courseLink: 'Entegrasyon kursuna veya dil kursuna kayıt (form Almanca ve İngilizce)',
    outputHeading: 'Son gönderim (yalnızca demoda)',
    statusIdle: 'Henüz bir şey gönderilmedi.',
    statusAccepted: 'Alındı. Referans numaranız: {reference}',
    statusAcceptedPlain: 'Alındı.',
    statusNotSent: 'Gönderilmedi. Nedenini formda görebilirsiniz.',
  },
  ru: {
    title: 'Запрос на первичную консультацию – Коммунальный интеграционный центр (демо)',
    siteName: 'Округ Мустерланд · Коммунальный интеграционный центр',
    heading: 'Запрос на первичную консультацию',
    intro:
      'Вы недавно в округе Мустерланд, и у Вас есть вопросы о пребывании, работе, жилье или школе? Коммунальный интеграционный центр консультирует Вас бесплатно и конфиденциально. Заполните форму, и мы с Вами свяжемся.',
    courseLink: 'Записаться на интеграционный или языковой курс (форма на немецком и английском)',
    outputHeading: 'Последняя отправка (только в демо)',
    statusIdle: 'Пока ничего не отправлено.',
    statusAccepted: 'Получено. Номер вашей заявки: {reference}',
    statusAcceptedPlain: 'Получено.',
    statusNotSent: 'Не отправлено. Причина указана в форме.',
  },
};

/** Languages written right to left (the same list the element uses for its own `dir`). */
const RTL = new Set(['ar', 'fa', 'ps', 'ckb', 'ur', 'he']);

const status = document.getElementById('submission-status');
const output = document.getElementById('envelope');
// The course page names its title and heading differently; both pages share this script.
const isCoursePage = Boolean(document.getElementById('sprachkurs'));

const LANGUAGE_KEY = 'demo-language';
let language = document.documentElement.lang || 'de';
/** What the status line says, kept as data so it can be said again in another language. */
let last = { kind: 'idle' };

function text(key) {
  return (PAGE_TEXT[language] ?? PAGE_TEXT.de)[key] ?? PAGE_TEXT.de[key];
}

/** The status line in the page's language. The element's own messages are shown alone. */
function renderStatus() {
  if (last.kind === 'error') {
    status.textContent =
      last.message && last.language === language ? last.message : text('statusNotSent');
  } else if (last.kind === 'accepted' && last.reference) {
    // The reference is Latin letters and digits: isolated, so it stays whole in Arabic or Farsi.
    const [before, after] = text('statusAccepted').split('{reference}');
    const reference = document.createElement('bdi');
    reference.textContent = last.reference;
    status.replaceChildren(before, reference, after ?? '');
  } else {
    status.textContent = text(last.kind === 'accepted' ? 'statusAcceptedPlain' : 'statusIdle');
  }
}

/** Switches the page's own text, `lang` and `dir` (the forms switch themselves). */
function setPageLanguage(locale) {
  language = PAGE_TEXT[locale] ? locale : 'de';
  const root = document.documentElement;
  root.lang = language;
  root.dir = RTL.has(language) ? 'rtl' : 'ltr';
  for (const element of document.querySelectorAll('[data-text]')) {
    const key = element.dataset.text;
    if (key === 'statusIdle') continue;
    const named = isCoursePage && key === 'title' ? 'courseTitle' : key;
    element.textContent = text(named);
  }
  renderStatus();
}

// event.detail may carry a Response or an Error, which JSON.stringify would flatten to `{}`.
function toJson(_key, value) {
  if (typeof Response !== 'undefined' && value instanceof Response) {
    return { status: value.status, statusText: value.statusText, url: value.url };
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

function show(event, next) {
  last = next;
  renderStatus();
  output.textContent = JSON.stringify(event.detail, toJson, 2);
}

// Listening on document works because the element's events bubble and are composed.
document.addEventListener('intake-language', (event) => {
  setPageLanguage(event.detail.locale);
  // Remembered for this tab only, so that a reload (which keeps the draft) keeps the language.
  try {
    sessionStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be off; the page then starts in German again.
  }
});

document.addEventListener('intake-submitted', (event) => {
  show(event, { kind: 'accepted', reference: event.detail?.reference });
});

document.addEventListener('intake-error', (event) => {
  // The element's message is already in the form's language, which is the page's.
  show(event, { kind: 'error', message: event.detail?.message ?? '', language });
});

// After a reload: the language picked before. The forms are still loading, so they start in it
// and the picker, which reads their language when they are ready, shows it too. Only languages
// every form on this page has: the course page offers German and English.
const PAGE_LANGUAGES = isCoursePage ? ['de', 'en'] : Object.keys(PAGE_TEXT);
let remembered = null;
try {
  remembered = sessionStorage.getItem(LANGUAGE_KEY);
} catch {
  // As above.
}
if (remembered && remembered !== language && PAGE_LANGUAGES.includes(remembered)) {
  for (const form of document.querySelectorAll('intake-form')) form.locale = remembered;
  setPageLanguage(remembered);
}
