import { deadlineLabel } from '../../kernel/deadline.js';
import type { Language, Names } from '../../kernel/languages.js';

/**
 * What every State's focal point is told of a silence procedure — when it opens, is broken, and
 * ends adopted — in the language the focal point reads the platform's emails in. The draft's title
 * is the chair's, and stays as written; the deadline is shown in its own time zone, in the reader's
 * language; the link opens the platform in it.
 */
export interface Notice {
  subject: string;
  text: string;
}

export interface OpenedFacts {
  title: string;
  /** 0 for the zero draft, n for Rev.n. */
  revision: number;
  deadlineAt: Date;
  zone: string;
  /** The platform's address: the link to the procedure is made from it. */
  publicUrl: string;
  procedureId: string;
}

const link = (lang: Language, f: { publicUrl: string; procedureId: string }) => `${f.publicUrl}/${lang}/silence-procedures#silence-${f.procedureId}`;

const ZERO_DRAFT: Record<Language, string> = {
  en: 'the zero draft',
  fr: 'l’avant-projet',
  es: 'el borrador cero',
  ru: 'нулевой проект',
  zh: '零草案',
  ar: 'المسودة الأولية',
};

export function silenceOpened(lang: Language, f: OpenedFacts): Notice {
  const when = deadlineLabel(f.deadlineAt, f.zone, lang);
  const url = link(lang, f);
  const revision = f.revision === 0 ? ZERO_DRAFT[lang] : `Rev.${f.revision}`;
  switch (lang) {
    case 'fr':
      return {
        subject: `Procédure d’approbation tacite : ${f.title}`,
        text: `La présidence a diffusé ${revision} de « ${f.title} » selon la procédure d’approbation tacite.\nSauf objection avant le ${when}, le texte sera adopté.\nLisez-le et, si votre État le doit, rompez le silence ici : ${url}`,
      };
    case 'es':
      return {
        subject: `Procedimiento de acuerdo tácito: ${f.title}`,
        text: `La presidencia ha distribuido ${revision} de «${f.title}» por procedimiento de acuerdo tácito.\nSalvo que se rompa el silencio antes del ${when}, el texto quedará aprobado.\nLéalo y, si su Estado debe hacerlo, rompa el silencio aquí: ${url}`,
      };
    case 'ru':
      return {
        subject: `Процедура молчания: ${f.title}`,
        text: `Председатель распространил ${revision} документа «${f.title}» в рамках процедуры молчания.\nЕсли молчание не будет нарушено до ${when}, текст будет принят.\nОзнакомьтесь с ним и, если ваше государство должно, нарушьте молчание здесь: ${url}`,
      };
    case 'zh':
      return {
        subject: `默许程序：${f.title}`,
        text: `主席已按默许程序分发《${f.title}》${revision}。\n除非在 ${when} 之前有国家打破沉默，该案文即获通过。\n请阅读案文；如贵国必须打破沉默，请在此操作：${url}`,
      };
    case 'ar':
      return {
        subject: `إجراء الموافقة الضمنية: ${f.title}`,
        text: `عمّم الرئيس ${revision} من «${f.title}» في إطار إجراء الموافقة الضمنية.\nما لم يُكسر الصمت قبل ${when}، يُعتمد النص.\nاطّلع عليه، وإذا كان على دولتك أن تكسر الصمت فافعل ذلك من هنا: ${url}`,
      };
    case 'en':
      return {
        subject: `Silence procedure: ${f.title}`,
        text: `The chair has circulated ${revision} of "${f.title}" under a silence procedure.\nUnless silence is broken before ${when}, it will be adopted.\nRead it and, if your State must, break silence here: ${url}`,
      };
  }
}

export interface BrokenFacts {
  title: string;
  /** The State that broke silence, named in every language. */
  state: Names;
  reason: string;
}

export function silenceBroken(lang: Language, f: BrokenFacts): Notice {
  const state = f.state[lang] || f.state.en;
  switch (lang) {
    case 'fr':
      return { subject: `Silence rompu : ${f.title}`, text: `${state} a rompu le silence sur « ${f.title} ». Le texte n’est pas adopté.\nMotif donné : ${f.reason}` };
    case 'es':
      return { subject: `Silencio roto: ${f.title}`, text: `${state} ha roto el silencio sobre «${f.title}». El texto no queda aprobado.\nMotivo indicado: ${f.reason}` };
    case 'ru':
      return { subject: `Молчание нарушено: ${f.title}`, text: `${state} нарушило молчание по документу «${f.title}». Текст не принят.\nУказанная причина: ${f.reason}` };
    case 'zh':
      return { subject: `沉默已被打破：${f.title}`, text: `${state}已就《${f.title}》打破沉默。该案文未获通过。\n所述理由：${f.reason}` };
    case 'ar':
      return { subject: `كُسر الصمت: ${f.title}`, text: `كسرت ${state} الصمت بشأن «${f.title}». لم يُعتمد النص.\nالسبب المذكور: ${f.reason}` };
    case 'en':
      return { subject: `Silence broken: ${f.title}`, text: `${state} has broken silence on "${f.title}". The text is not adopted.\nReason given: ${f.reason}` };
  }
}

export interface AdoptedFacts {
  title: string;
  symbol: string;
  contentHash: string;
}

export function silenceAdopted(lang: Language, f: AdoptedFacts): Notice {
  switch (lang) {
    case 'fr':
      return {
        subject: `Adopté par procédure d’approbation tacite : ${f.title}`,
        text: `Le silence n’a pas été rompu avant l’échéance. « ${f.title} » est adopté sous la cote ${f.symbol}.\nEmpreinte du contenu (SHA-256) : ${f.contentHash}`,
      };
    case 'es':
      return {
        subject: `Aprobado por procedimiento de acuerdo tácito: ${f.title}`,
        text: `No se rompió el silencio antes del plazo. «${f.title}» queda aprobado con la signatura ${f.symbol}.\nHash del contenido (SHA-256): ${f.contentHash}`,
      };
    case 'ru':
      return {
        subject: `Принято в порядке процедуры молчания: ${f.title}`,
        text: `Молчание не было нарушено до истечения срока. Документ «${f.title}» принят под условным обозначением ${f.symbol}.\nХеш содержания (SHA-256): ${f.contentHash}`,
      };
    case 'zh':
      return { subject: `经默许程序通过：${f.title}`, text: `截止时间前无人打破沉默。《${f.title}》已获通过，文号为 ${f.symbol}。\n内容哈希值（SHA-256）：${f.contentHash}` };
    case 'ar':
      return {
        subject: `اعتُمد بإجراء الموافقة الضمنية: ${f.title}`,
        text: `لم يُكسر الصمت قبل الموعد النهائي. اعتُمد «${f.title}» تحت الرمز ${f.symbol}.\nبصمة المحتوى (SHA-256): ${f.contentHash}`,
      };
    case 'en':
      return {
        subject: `Adopted by silence procedure: ${f.title}`,
        text: `Silence was not broken before the deadline. "${f.title}" is adopted as ${f.symbol}.\nContent hash (SHA-256): ${f.contentHash}`,
      };
  }
}
