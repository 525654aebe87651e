import type { Localized } from '../../kernel/languages.js';

/**
 * The kinds of public data the platform publishes as datasets, and the changes (audit actions) that
 * change each: the audit chain records every change, so the last of these actions is when the
 * dataset last changed (its `modified` in the catalogue, its Last-Modified header).
 */
export const DATASET_CHANGES = {
  framework: ['framework.load-reference', 'framework.record-source', 'framework.record-text', 'framework.apply-outcome'],
  outcomes: ['decisions.adopt'],
  reports: ['reporting.open-cycle', 'reporting.submit', 'reporting.set-visibility'],
  meetings: ['meetings.schedule', 'meetings.update', 'meetings.change-status', 'meetings.revise-agenda', 'meetings.adopt-agenda', 'meetings.set-publication'],
  participants: ['meetings.set-publication', 'meetings.register-delegation', 'meetings.confirm-registration', 'meetings.withdraw-registration'],
  documents: ['documents.issue', 'documents.upload-version'],
  states: ['states.load-reference', 'states.correct-names'],
} as const satisfies Record<string, readonly string[]>;

export type DatasetKind = keyof typeof DATASET_CHANGES;

/**
 * The public routes that serve a dataset, with the dataset they serve, and whether their answer is a
 * function of that data alone. Only those carry Last-Modified: an answer that also depends on the
 * clock (a meeting's "registration open", the framework "as of today") can change with no change
 * recorded, so it is revalidated by its ETag (a digest of the answer itself) alone.
 */
export const DATASET_ROUTES: Readonly<Record<string, { kinds: readonly DatasetKind[]; timeless: boolean }>> = {
  '/api/v1/framework/export': { kinds: ['framework'], timeless: false },
  '/api/v1/outcomes': { kinds: ['outcomes'], timeless: true },
  '/api/v1/outcomes/:id/akn': { kinds: ['outcomes'], timeless: true },
  '/api/v1/feeds/outcomes.atom': { kinds: ['outcomes'], timeless: true },
  '/api/v1/reporting/cycles/:id/export': { kinds: ['reports'], timeless: false },
  '/api/v1/meetings': { kinds: ['meetings'], timeless: false },
  '/api/v1/calendar/meetings.ics': { kinds: ['meetings'], timeless: false },
  '/api/v1/feeds/meetings.atom': { kinds: ['meetings'], timeless: false },
  '/api/v1/meetings/:id/participants': { kinds: ['participants'], timeless: false },
  '/api/v1/documents': { kinds: ['documents'], timeless: true },
  '/api/v1/feeds/documents.atom': { kinds: ['documents'], timeless: true },
  '/api/v1/states': { kinds: ['states'], timeless: true },
  '/api/v1/open-data': { kinds: ['framework', 'outcomes', 'reports', 'meetings', 'participants', 'documents', 'states'], timeless: true },
};

const T = (en: string, fr: string, es: string, ru: string, ar: string, zh: string): Localized => ({ en, fr, es, ru, ar, zh });

/** Each dataset's title and description, in the six languages. */
export const DATASET_TEXTS = {
  framework: {
    title: T(
      'Framework of responsible State behaviour',
      'Cadre de comportement responsable des États',
      'Marco de comportamiento responsable de los Estados',
      'Рамочная программа ответственного поведения государств',
      'إطار السلوك المسؤول للدول',
      '负责任国家行为框架',
    ),
    description: T(
      'Every element in force on a date (today unless asOf=YYYY-MM-DD is given), with its texts in every language and its official source.',
      'Chaque élément en vigueur à une date (aujourd’hui, sauf si asOf=AAAA-MM-JJ est indiqué), avec ses textes dans toutes les langues et sa source officielle.',
      'Cada elemento vigente en una fecha (hoy, salvo que se indique asOf=AAAA-MM-DD), con sus textos en todos los idiomas y su fuente oficial.',
      'Все элементы, действующие на дату (сегодня, если не указано asOf=ГГГГ-ММ-ДД), с текстами на всех языках и официальным источником.',
      'كل عنصر نافذ في تاريخ معين (اليوم ما لم يُحدَّد asOf=YYYY-MM-DD)، بنصوصه بجميع اللغات ومصدره الرسمي.',
      '某一日期（除非给出 asOf=YYYY-MM-DD，否则为今天）有效的每一要素，附各语文文本及其正式来源。',
    ),
  },
  outcomes: {
    title: T('Adopted outcomes', 'Textes adoptés', 'Textos aprobados', 'Принятые итоговые документы', 'الوثائق الختامية المعتمدة', '通过的成果文件'),
    description: T(
      'Decisions and recommendations adopted by consensus, with their frozen text and content hash; each also in Akoma Ntoso 3.0.',
      'Décisions et recommandations adoptées par consensus, avec leur texte figé et son empreinte ; chacune aussi en Akoma Ntoso 3.0.',
      'Decisiones y recomendaciones aprobadas por consenso, con su texto fijado y su huella; cada una también en Akoma Ntoso 3.0.',
      'Решения и рекомендации, принятые консенсусом, с зафиксированным текстом и его хеш-суммой; каждое также в формате Akoma Ntoso 3.0.',
      'المقررات والتوصيات المعتمدة بتوافق الآراء، بنصها المجمَّد وبصمته؛ وكل منها أيضًا بصيغة Akoma Ntoso 3.0.',
      '经协商一致通过的决定和建议，附其固定文本和内容哈希；每一项亦有 Akoma Ntoso 3.0 格式。',
    ),
  },
  reports: {
    title: T('Published national reports', 'Rapports nationaux publiés', 'Informes nacionales publicados', 'Опубликованные национальные доклады', 'التقارير الوطنية المنشورة', '已公布的国家报告'),
    description: T(
      'The answers States made public in a reporting cycle, one row per State and section.',
      'Les réponses que les États ont rendues publiques au cours d’un cycle, une ligne par État et par section.',
      'Las respuestas que los Estados hicieron públicas en un ciclo, una fila por Estado y sección.',
      'Ответы, опубликованные государствами в цикле отчетности, по строке на государство и раздел.',
      'الإجابات التي أعلنتها الدول في دورة إبلاغ، صف لكل دولة وقسم.',
      '各国在一个报告周期中公开的答复，每个国家和每一节一行。',
    ),
  },
  meetings: {
    title: T('Meetings and calendar', 'Réunions et calendrier', 'Reuniones y calendario', 'Заседания и календарь', 'الاجتماعات والجدول الزمني', '会议和日历'),
    description: T(
      'Formal meetings, review conferences and working group meetings, each in its own time zone.',
      'Réunions officielles, conférences d’examen et réunions des groupes de travail, chacune dans son fuseau horaire.',
      'Reuniones oficiales, conferencias de examen y reuniones de los grupos de trabajo, cada una en su zona horaria.',
      'Официальные заседания, обзорные конференции и заседания рабочих групп, каждое в своем часовом поясе.',
      'الاجتماعات الرسمية والمؤتمرات الاستعراضية واجتماعات الأفرقة العاملة، كل منها بمنطقته الزمنية.',
      '正式会议、审议大会和工作组会议，各按其所在时区。',
    ),
  },
  participants: {
    title: T('List of participants', 'Liste des participants', 'Lista de participantes', 'Список участников', 'قائمة المشاركين', '与会者名单'),
    description: T(
      'Confirmed delegations of a meeting (name, title and role only), once the Secretariat has published the list.',
      'Délégations confirmées d’une réunion (nom, titre et rôle seulement), une fois la liste publiée par le Secrétariat.',
      'Delegaciones confirmadas de una reunión (solo nombre, cargo y función), una vez que la Secretaría publica la lista.',
      'Подтвержденные делегации заседания (только имя, должность и роль) после публикации списка Секретариатом.',
      'الوفود المؤكدة في اجتماع (الاسم والمنصب والدور فقط)، بعد أن تنشر الأمانة القائمة.',
      '会议的已确认代表团（仅姓名、职衔和职能），在秘书处公布名单后提供。',
    ),
  },
  documents: {
    title: T('Official documents', 'Documents officiels', 'Documentos oficiales', 'Официальные документы', 'الوثائق الرسمية', '正式文件'),
    description: T(
      'Every document issued, with its symbol, date and the languages it exists in.',
      'Chaque document publié, avec sa cote, sa date et les langues dans lesquelles il existe.',
      'Cada documento publicado, con su signatura, su fecha y los idiomas en que existe.',
      'Все выпущенные документы с их условным обозначением, датой и языками, на которых они существуют.',
      'كل وثيقة صادرة، برمزها وتاريخها واللغات المتاحة بها.',
      '印发的每份文件，附其文号、日期和现有语文。',
    ),
  },
  states: {
    title: T('Member States and observer States', 'États Membres et États observateurs', 'Estados Miembros y Estados observadores', 'Государства-члены и государства-наблюдатели', 'الدول الأعضاء والدول المراقبة', '会员国和观察员国'),
    description: T(
      'The 193 Member States and 2 observer States, with their names in the six languages and their regional groups.',
      'Les 193 États Membres et 2 États observateurs, avec leurs noms dans les six langues et leurs groupes régionaux.',
      'Los 193 Estados Miembros y 2 Estados observadores, con sus nombres en los seis idiomas y sus grupos regionales.',
      '193 государства-члена и 2 государства-наблюдателя с названиями на шести языках и региональными группами.',
      'الدول الأعضاء الـ 193 والدولتان المراقبتان، بأسمائها باللغات الست ومجموعاتها الإقليمية.',
      '193 个会员国和 2 个观察员国，附六种语文名称及所属区域组。',
    ),
  },
} satisfies Record<DatasetKind, { title: Localized; description: Localized }>;

export const FEED_TITLES = {
  documents: DATASET_TEXTS.documents.title,
  outcomes: DATASET_TEXTS.outcomes.title,
  meetings: T('Meetings', 'Réunions', 'Reuniones', 'Заседания', 'الاجتماعات', '会议'),
} as const;
export type FeedKind = keyof typeof FEED_TITLES;
export const FEED_KINDS = Object.keys(FEED_TITLES) as FeedKind[];
