import { DateTime } from 'luxon';
import { deadlineLabel } from '../../kernel/deadline.js';
import type { MeetingFormat, ReminderKind } from './meeting-rules.js';
import type { Language } from '../../kernel/languages.js';

/**
 * The reminders before a meeting's registration deadline and before the meeting itself, in the
 * language the recipient reads the platform's emails in (English for a participant without an
 * account). Times are the meeting's own, in its time zone.
 */

export interface ReminderFacts {
  kind: ReminderKind;
  /** The meeting's title in the recipient's language (or English when it has none). */
  title: string;
  /** The registration deadline or the start of the meeting. */
  at: Date;
  zone: string;
  venue: string | null;
  format: MeetingFormat;
  link: string;
}

const FORMATS: Record<Language, Record<MeetingFormat, string>> = {
  en: { 'in-person': 'in person', hybrid: 'hybrid', virtual: 'virtual' },
  fr: { 'in-person': 'en présentiel', hybrid: 'hybride', virtual: 'virtuelle' },
  es: { 'in-person': 'presencial', hybrid: 'híbrida', virtual: 'virtual' },
  ru: { 'in-person': 'очно', hybrid: 'в смешанном формате', virtual: 'в виртуальном формате' },
  zh: { 'in-person': '线下', hybrid: '混合', virtual: '线上' },
  ar: { 'in-person': 'حضوريا', hybrid: 'بصيغة مختلطة', virtual: 'افتراضيا' },
};

export function meetingReminder(lang: Language, f: ReminderFacts): { subject: string; text: string } {
  const when = deadlineLabel(f.at, f.zone, lang);
  const day = DateTime.fromJSDate(f.at).setZone(f.zone).setLocale(lang).toLocaleString(DateTime.DATE_FULL);
  const where = `${f.venue ? `, ${f.venue}` : ''} (${FORMATS[lang][f.format]})`;
  const registration = f.kind === 'registration-deadline';
  switch (lang) {
    case 'fr':
      return registration
        ? {
            subject: `Rappel : l’inscription à ${f.title} se termine le ${day}`,
            text: `L’inscription des délégations à ${f.title} se termine le ${when}.\n\nInscrivez ou vérifiez votre délégation ici :\n${f.link}\n\nVous recevez ce message en tant que point focal d’un État ou contact d’une délégation.\n`,
          }
        : {
            subject: `Rappel : ${f.title} commence le ${day}`,
            text: `${f.title} commence le ${when}${where}.\n\nOrdre du jour, documents et déclarations :\n${f.link}\n\nVous recevez ce message en tant que participant(e) inscrit(e) ou contact d’une délégation.\n`,
          };
    case 'es':
      return registration
        ? {
            subject: `Recordatorio: la inscripción en ${f.title} se cierra el ${day}`,
            text: `La inscripción de delegaciones en ${f.title} se cierra el ${when}.\n\nInscriba o revise su delegación aquí:\n${f.link}\n\nRecibe este mensaje como punto focal de un Estado o contacto de una delegación.\n`,
          }
        : {
            subject: `Recordatorio: ${f.title} comienza el ${day}`,
            text: `${f.title} comienza el ${when}${where}.\n\nPrograma, documentos y declaraciones:\n${f.link}\n\nRecibe este mensaje como participante inscrito o contacto de una delegación.\n`,
          };
    case 'ru':
      return registration
        ? {
            subject: `Напоминание: регистрация на мероприятие «${f.title}» закрывается ${day}`,
            text: `Регистрация делегаций на мероприятие «${f.title}» закрывается ${when}.\n\nЗарегистрируйте или проверьте свою делегацию здесь:\n${f.link}\n\nВы получили это сообщение как координатор государства или контактное лицо делегации.\n`,
          }
        : {
            subject: `Напоминание: «${f.title}» начинается ${day}`,
            text: `«${f.title}» начинается ${when}${where}.\n\nПовестка дня, документы и заявления:\n${f.link}\n\nВы получили это сообщение как зарегистрированный участник или контактное лицо делегации.\n`,
          };
    case 'zh':
      return registration
        ? {
            subject: `提醒：${f.title}的报名将于${day}截止`,
            text: `${f.title}的代表团报名将于 ${when} 截止。\n\n请在此报名或核对贵代表团：\n${f.link}\n\n您作为国家联络人或代表团联系人收到此邮件。\n`,
          }
        : {
            subject: `提醒：${f.title}将于${day}开始`,
            text: `${f.title}将于 ${when} 开始${where}。\n\n议程、文件和发言：\n${f.link}\n\n您作为已报名的与会者或代表团联系人收到此邮件。\n`,
          };
    case 'ar':
      return registration
        ? {
            subject: `تذكير: يُغلق التسجيل في ${f.title} في ${day}`,
            text: `يُغلق تسجيل الوفود في ${f.title} في ${when}.\n\nسجّل وفدك أو راجعه من هنا:\n${f.link}\n\nتصلك هذه الرسالة بصفتك جهة اتصال لدولة أو جهة اتصال لوفد.\n`,
          }
        : {
            subject: `تذكير: يبدأ ${f.title} في ${day}`,
            text: `يبدأ ${f.title} في ${when}${where}.\n\nجدول الأعمال والوثائق والبيانات:\n${f.link}\n\nتصلك هذه الرسالة بصفتك مشاركا مسجلا أو جهة اتصال لوفد.\n`,
          };
    case 'en':
      return registration
        ? {
            subject: `Reminder: registration for ${f.title} closes on ${day}`,
            text: `Registration of delegations for ${f.title} closes on ${when}.\n\nRegister or review your delegation here:\n${f.link}\n\nYou receive this message as the focal point of a State, or as the contact of a delegation.\n`,
          }
        : {
            subject: `Reminder: ${f.title} begins on ${day}`,
            text: `${f.title} begins on ${when}${where}.\n\nAgenda, documents and statements:\n${f.link}\n\nYou receive this message as a registered participant or the contact of a delegation.\n`,
          };
  }
}
