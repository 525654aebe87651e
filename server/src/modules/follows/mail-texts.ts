import type { Language } from '../../kernel/languages.js';
import type { What } from './kinds.js';

interface Texts {
  what: Record<What, string>;
  deadline: (label: string) => string;
  open: string;
  digestSubject: (n: number) => string;
  digestIntro: string;
  settings: (link: string) => string;
}

/** What a person is told of a thing they follow, in their own language. `{label}` is a revision's label (Rev.2), or the name of the State that submitted a report, when there is one. */
const TEXTS: Record<Language, Texts> = {
  en: {
    what: {
      'revision-issued': '{label} was issued',
      'amendment-proposed': 'An amendment was proposed',
      'silence-opened': '{label} was put under a silence procedure',
      'silence-broken': 'A State broke silence',
      'adoption-proposed': 'Its adoption was proposed',
      transmitted: 'It was transmitted to the plenary',
      adopted: 'It was adopted',
      'meeting-changed': 'Its details changed',
      'meeting-status': 'Its status changed',
      'agenda-revised': 'Its agenda was revised',
      'agenda-adopted': 'Its agenda was adopted',
      'publication-changed': 'Its list of participants or statements was published',
      'group-changed': 'Its details changed',
      'meeting-scheduled': 'A meeting was scheduled',
      'draft-tabled': 'A draft was tabled',
      'deadline-near': 'Its deadline is near',
      'report-submitted': '{label} submitted its report',
      'cycle-closed': 'The cycle closed',
    },
    deadline: (label) => `Deadline: ${label}`,
    open: 'Open',
    digestSubject: (n) => `PoA Platform: ${n} new notice${n === 1 ? '' : 's'} on what you follow`,
    digestIntro: 'What happened since yesterday to what you follow:',
    settings: (link) => `To choose how you are told, or to stop following, open: ${link}`,
  },
  fr: {
    what: {
      'revision-issued': 'La version {label} a été publiée',
      'amendment-proposed': 'Un amendement a été proposé',
      'silence-opened': 'La version {label} a été soumise à une procédure d’approbation tacite',
      'silence-broken': 'Un État a rompu le silence',
      'adoption-proposed': 'Son adoption a été proposée',
      transmitted: 'Il a été transmis à la plénière',
      adopted: 'Il a été adopté',
      'meeting-changed': 'Ses informations ont changé',
      'meeting-status': 'Son statut a changé',
      'agenda-revised': 'Son ordre du jour a été révisé',
      'agenda-adopted': 'Son ordre du jour a été adopté',
      'publication-changed': 'Sa liste des participants ou ses déclarations ont été publiées',
      'group-changed': 'Ses informations ont changé',
      'meeting-scheduled': 'Une réunion a été programmée',
      'draft-tabled': 'Un projet a été présenté',
      'deadline-near': 'Son échéance approche',
      'report-submitted': '{label} a soumis son rapport',
      'cycle-closed': 'Le cycle est clos',
    },
    deadline: (label) => `Échéance : ${label}`,
    open: 'Ouvrir',
    digestSubject: (n) => `Plateforme du PoA : ${n} nouvelle${n === 1 ? '' : 's'} notification${n === 1 ? '' : 's'} sur ce que vous suivez`,
    digestIntro: 'Ce qui s’est passé depuis hier pour ce que vous suivez :',
    settings: (link) => `Pour choisir comment être informé ou ne plus suivre, ouvrez : ${link}`,
  },
  es: {
    what: {
      'revision-issued': 'Se publicó la versión {label}',
      'amendment-proposed': 'Se propuso una enmienda',
      'silence-opened': 'La versión {label} se sometió a un procedimiento de acuerdo tácito',
      'silence-broken': 'Un Estado rompió el silencio',
      'adoption-proposed': 'Se propuso su aprobación',
      transmitted: 'Se transmitió al plenario',
      adopted: 'Se aprobó',
      'meeting-changed': 'Cambiaron sus datos',
      'meeting-status': 'Cambió su estado',
      'agenda-revised': 'Se revisó su programa',
      'agenda-adopted': 'Se aprobó su programa',
      'publication-changed': 'Se publicó su lista de participantes o sus declaraciones',
      'group-changed': 'Cambiaron sus datos',
      'meeting-scheduled': 'Se programó una reunión',
      'draft-tabled': 'Se presentó un proyecto',
      'deadline-near': 'Su plazo se acerca',
      'report-submitted': '{label} presentó su informe',
      'cycle-closed': 'El ciclo se cerró',
    },
    deadline: (label) => `Plazo: ${label}`,
    open: 'Abrir',
    digestSubject: (n) => `Plataforma del PoA: ${n} aviso${n === 1 ? '' : 's'} nuevo${n === 1 ? '' : 's'} sobre lo que sigue`,
    digestIntro: 'Lo que ocurrió desde ayer con lo que usted sigue:',
    settings: (link) => `Para elegir cómo recibir los avisos o dejar de seguir, abra: ${link}`,
  },
  ru: {
    what: {
      'revision-issued': 'Выпущена редакция {label}',
      'amendment-proposed': 'Предложена поправка',
      'silence-opened': 'Редакция {label} вынесена на процедуру молчания',
      'silence-broken': 'Государство нарушило молчание',
      'adoption-proposed': 'Предложено его принятие',
      transmitted: 'Передан пленарному заседанию',
      adopted: 'Принят',
      'meeting-changed': 'Изменились сведения',
      'meeting-status': 'Изменился статус',
      'agenda-revised': 'Пересмотрена повестка дня',
      'agenda-adopted': 'Утверждена повестка дня',
      'publication-changed': 'Опубликованы список участников или заявления',
      'group-changed': 'Изменились сведения',
      'meeting-scheduled': 'Назначено заседание',
      'draft-tabled': 'Внесён проект',
      'deadline-near': 'Приближается срок',
      'report-submitted': 'Представлен доклад: {label}',
      'cycle-closed': 'Цикл закрыт',
    },
    deadline: (label) => `Срок: ${label}`,
    open: 'Открыть',
    digestSubject: (n) => `Платформа ПД: новых уведомлений о том, за чем вы следите: ${n}`,
    digestIntro: 'Что произошло со вчерашнего дня с тем, за чем вы следите:',
    settings: (link) => `Чтобы выбрать способ уведомлений или перестать следить, откройте: ${link}`,
  },
  zh: {
    what: {
      'revision-issued': '已发布 {label}',
      'amendment-proposed': '有人提出了一项修正案',
      'silence-opened': '{label} 已进入默许程序',
      'silence-broken': '一个国家打破了沉默',
      'adoption-proposed': '已提议通过',
      transmitted: '已转交全体会议',
      adopted: '已通过',
      'meeting-changed': '信息已更改',
      'meeting-status': '状态已更改',
      'agenda-revised': '议程已修订',
      'agenda-adopted': '议程已通过',
      'publication-changed': '与会者名单或发言已公布',
      'group-changed': '信息已更改',
      'meeting-scheduled': '已安排一次会议',
      'draft-tabled': '已提交一份草案',
      'deadline-near': '截止时间临近',
      'report-submitted': '{label}提交了报告',
      'cycle-closed': '周期已结束',
    },
    deadline: (label) => `截止时间：${label}`,
    open: '打开',
    digestSubject: (n) => `《行动纲领》平台：您关注的内容有 ${n} 条新通知`,
    digestIntro: '自昨天以来您关注的内容发生了以下变化：',
    settings: (link) => `如需选择通知方式或取消关注，请打开：${link}`,
  },
  ar: {
    what: {
      'revision-issued': 'صدر {label}',
      'amendment-proposed': 'اقتُرح تعديل',
      'silence-opened': 'عُرض {label} بموجب إجراء الصمت',
      'silence-broken': 'كسرت دولةٌ الصمت',
      'adoption-proposed': 'اقتُرح اعتماده',
      transmitted: 'أُحيل إلى الجلسة العامة',
      adopted: 'اعتُمد',
      'meeting-changed': 'تغيرت بياناته',
      'meeting-status': 'تغيرت حالته',
      'agenda-revised': 'نُقح جدول أعماله',
      'agenda-adopted': 'اعتُمد جدول أعماله',
      'publication-changed': 'نُشرت قائمة المشاركين أو البيانات',
      'group-changed': 'تغيرت بياناته',
      'meeting-scheduled': 'حُدد موعد اجتماع',
      'draft-tabled': 'قُدم مشروع',
      'deadline-near': 'اقترب موعده النهائي',
      'report-submitted': 'قُدم تقرير {label}',
      'cycle-closed': 'أُغلقت الدورة',
    },
    deadline: (label) => `الموعد النهائي: ${label}`,
    open: 'فتح',
    digestSubject: (n) => `منصة برنامج العمل: إشعارات جديدة بشأن ما تتابعه (${n})`,
    digestIntro: 'ما حدث منذ الأمس لما تتابعه:',
    settings: (link) => `لاختيار طريقة إعلامك أو للتوقف عن المتابعة، افتح: ${link}`,
  },
};

/** One notice as a mail shows it: already in the person's language, the deadline in their zone. */
export interface MailNotice {
  what: What;
  title: string;
  label: string | null;
  link: string;
  deadline: string | null;
}

const sentence = (t: Texts, n: MailNotice) => t.what[n.what].replace('{label}', n.label ?? '').replace(/\s+/g, ' ').trim();
const lines = (t: Texts, n: MailNotice) => [`${n.title}: ${sentence(t, n)}`, ...(n.deadline ? [t.deadline(n.deadline)] : []), `${t.open}: ${n.link}`];

/** The email of one notice, sent at once. */
export function noticeMail(lang: Language, n: MailNotice, settingsLink: string) {
  const t = TEXTS[lang];
  return { subject: `${n.title}: ${sentence(t, n)}`.slice(0, 200), text: `${lines(t, n).join('\n')}\n\n${t.settings(settingsLink)}\n` };
}

/** The daily digest: every notice not yet mailed, oldest first. */
export function digestMail(lang: Language, notices: readonly MailNotice[], settingsLink: string) {
  const t = TEXTS[lang];
  return { subject: t.digestSubject(notices.length), text: `${t.digestIntro}\n\n${notices.map((n) => lines(t, n).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')).join('\n\n')}\n\n${t.settings(settingsLink)}\n` };
}
