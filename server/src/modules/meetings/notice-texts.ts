import { deadlineLabel } from '../../kernel/deadline.js';
import type { Language } from '../../kernel/languages.js';

/**
 * The notices to registered delegations when a meeting is postponed or cancelled, in the language
 * the recipient reads the platform's emails in (English when unknown). Times are the meeting's own,
 * in its time zone.
 */

export type NoticeFacts =
  | { kind: 'postponed'; title: string; reason: string; from: Date; startsAt: Date; endsAt: Date; zone: string; link: string }
  | { kind: 'cancelled'; title: string; reason: string; startsAt: Date; zone: string; link: string };

interface Words {
  postponedSubject: (title: string) => string;
  postponed: (title: string, from: string, starts: string, ends: string) => string;
  cancelledSubject: (title: string) => string;
  cancelled: (title: string, starts: string) => string;
  reason: string;
  details: string;
  why: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    postponedSubject: (t) => `Postponed: ${t}`,
    postponed: (t, from, s, e) => `${t}, which was to begin on ${from}, is postponed. It now begins on ${s} and ends on ${e}.`,
    cancelledSubject: (t) => `Cancelled: ${t}`,
    cancelled: (t, s) => `${t}, which was to begin on ${s}, is cancelled.`,
    reason: 'Reason',
    details: 'Details',
    why: 'You receive this message as the contact of a delegation registered for this meeting.',
  },
  fr: {
    postponedSubject: (t) => `Report : ${t}`,
    postponed: (t, from, s, e) => `${t}, qui devait commencer le ${from}, est reportée. Elle commence désormais le ${s} et se termine le ${e}.`,
    cancelledSubject: (t) => `Annulation : ${t}`,
    cancelled: (t, s) => `${t}, qui devait commencer le ${s}, est annulée.`,
    reason: 'Motif',
    details: 'Détails',
    why: 'Vous recevez ce message en tant que contact d’une délégation inscrite à cette réunion.',
  },
  es: {
    postponedSubject: (t) => `Aplazada: ${t}`,
    postponed: (t, from, s, e) => `${t}, que debía comenzar el ${from}, se aplaza. Ahora comienza el ${s} y termina el ${e}.`,
    cancelledSubject: (t) => `Cancelada: ${t}`,
    cancelled: (t, s) => `${t}, que debía comenzar el ${s}, se cancela.`,
    reason: 'Motivo',
    details: 'Detalles',
    why: 'Recibe este mensaje como contacto de una delegación inscrita en esta reunión.',
  },
  ru: {
    postponedSubject: (t) => `Перенесено: ${t}`,
    postponed: (t, from, s, e) => `Мероприятие «${t}», которое должно было начаться ${from}, перенесено. Теперь оно начинается ${s} и заканчивается ${e}.`,
    cancelledSubject: (t) => `Отменено: ${t}`,
    cancelled: (t, s) => `Мероприятие «${t}», которое должно было начаться ${s}, отменено.`,
    reason: 'Причина',
    details: 'Подробности',
    why: 'Вы получили это сообщение как контактное лицо делегации, зарегистрированной на это заседание.',
  },
  zh: {
    postponedSubject: (t) => `已推迟：${t}`,
    postponed: (t, from, s, e) => `原定于${from}开始的“${t}”已推迟。现定于${s}开始，${e}结束。`,
    cancelledSubject: (t) => `已取消：${t}`,
    cancelled: (t, s) => `原定于${s}开始的“${t}”已取消。`,
    reason: '原因',
    details: '详情',
    why: '您收到此邮件，是因为您是已登记参加本次会议的代表团的联系人。',
  },
  ar: {
    postponedSubject: (t) => `تأجيل: ${t}`,
    postponed: (t, from, s, e) => `تقرر تأجيل ${t}، الذي كان من المقرر أن يبدأ في ${from}. ويبدأ الآن في ${s} وينتهي في ${e}.`,
    cancelledSubject: (t) => `إلغاء: ${t}`,
    cancelled: (t, s) => `تقرر إلغاء ${t}، الذي كان من المقرر أن يبدأ في ${s}.`,
    reason: 'السبب',
    details: 'التفاصيل',
    why: 'تتلقى هذه الرسالة بصفتك جهة الاتصال لوفد مسجل في هذا الاجتماع.',
  },
};

export function meetingNotice(lang: Language, f: NoticeFacts): { subject: string; text: string } {
  const w = WORDS[lang];
  const at = (d: Date) => deadlineLabel(d, f.zone, lang);
  const [subject, lead] =
    f.kind === 'postponed'
      ? [w.postponedSubject(f.title), w.postponed(f.title, at(f.from), at(f.startsAt), at(f.endsAt))]
      : [w.cancelledSubject(f.title), w.cancelled(f.title, at(f.startsAt))];
  return { subject, text: `${lead}\n\n${w.reason}: ${f.reason}\n\n${w.details}:\n${f.link}\n\n${w.why}\n` };
}
