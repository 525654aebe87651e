import { inLanguage, type Language, type Localized } from '../../kernel/languages.js';

/**
 * What each step of the match workflow tells the other side, in the language the recipient reads the
 * platform's emails in; the link opens the need's page in that language.
 */
export type MatchEvent = 'invited' | 'accepted' | 'declined' | 'withdrawn' | 'confirmed';

export interface MatchMailFacts {
  name: string;
  needTitle: Localized;
  offerTitle: Localized;
  /** Who acted: a State's code, an organisation's name, or the Secretariat. */
  by: string;
  message: string;
  link: string;
}

const SUBJECT: Record<Language, Record<MatchEvent, string>> = {
  en: { invited: 'Invitation to meet a capacity-building need', accepted: 'Your invitation was accepted', declined: 'Your invitation was declined', withdrawn: 'A capacity-building match was withdrawn', confirmed: 'A capacity-building project begins' },
  fr: { invited: 'Invitation à répondre à un besoin de renforcement des capacités', accepted: 'Votre invitation a été acceptée', declined: 'Votre invitation a été déclinée', withdrawn: 'Une mise en relation a été retirée', confirmed: 'Un projet de renforcement des capacités commence' },
  es: { invited: 'Invitación a atender una necesidad de creación de capacidad', accepted: 'Su invitación fue aceptada', declined: 'Su invitación fue rechazada', withdrawn: 'Se retiró una correspondencia de creación de capacidad', confirmed: 'Comienza un proyecto de creación de capacidad' },
  ru: { invited: 'Приглашение откликнуться на потребность в наращивании потенциала', accepted: 'Ваше приглашение принято', declined: 'Ваше приглашение отклонено', withdrawn: 'Согласование по наращиванию потенциала отозвано', confirmed: 'Начинается проект по наращиванию потенциала' },
  zh: { invited: '邀请满足一项能力建设需求', accepted: '您的邀请已被接受', declined: '您的邀请已被谢绝', withdrawn: '一项能力建设匹配已撤回', confirmed: '一个能力建设项目开始' },
  ar: { invited: 'دعوة لتلبية احتياج في مجال بناء القدرات', accepted: 'قُبلت دعوتك', declined: 'اعتُذر عن دعوتك', withdrawn: 'سُحبت مطابقة في مجال بناء القدرات', confirmed: 'بدء مشروع لبناء القدرات' },
};

const BODY: Record<Language, (e: MatchEvent, need: string, offer: string, by: string) => string> = {
  en: (e, need, offer, by) =>
    ({ invited: `${by} invites your offer "${offer}" to meet its need "${need}".`, accepted: `${by} accepted to meet the need "${need}" with "${offer}". Confirm it to begin the project.`, declined: `${by} declined to meet the need "${need}" with "${offer}".`, withdrawn: `${by} withdrew from the match of "${offer}" with the need "${need}".`, confirmed: `${by} confirmed the match of "${offer}" with its need "${need}": the project begins.` })[e],
  fr: (e, need, offer, by) =>
    ({ invited: `${by} invite votre offre « ${offer} » à répondre à son besoin « ${need} ».`, accepted: `${by} accepte de répondre au besoin « ${need} » avec « ${offer} ». Confirmez pour commencer le projet.`, declined: `${by} décline de répondre au besoin « ${need} » avec « ${offer} ».`, withdrawn: `${by} s’est retiré de la mise en relation de « ${offer} » avec le besoin « ${need} ».`, confirmed: `${by} a confirmé la mise en relation de « ${offer} » avec son besoin « ${need} » : le projet commence.` })[e],
  es: (e, need, offer, by) =>
    ({ invited: `${by} invita su oferta «${offer}» a atender su necesidad «${need}».`, accepted: `${by} aceptó atender la necesidad «${need}» con «${offer}». Confírmelo para comenzar el proyecto.`, declined: `${by} rechazó atender la necesidad «${need}» con «${offer}».`, withdrawn: `${by} se retiró de la correspondencia de «${offer}» con la necesidad «${need}».`, confirmed: `${by} confirmó la correspondencia de «${offer}» con su necesidad «${need}»: el proyecto comienza.` })[e],
  ru: (e, need, offer, by) =>
    ({ invited: `${by} приглашает ваше предложение «${offer}» откликнуться на потребность «${need}».`, accepted: `${by} согласились удовлетворить потребность «${need}» предложением «${offer}». Подтвердите, чтобы начать проект.`, declined: `${by} отклонили удовлетворение потребности «${need}» предложением «${offer}».`, withdrawn: `${by} отозвали согласование предложения «${offer}» с потребностью «${need}».`, confirmed: `${by} подтвердили согласование предложения «${offer}» с потребностью «${need}»: проект начинается.` })[e],
  zh: (e, need, offer, by) =>
    ({ invited: `${by} 邀请您的提议“${offer}”满足其需求“${need}”。`, accepted: `${by} 同意以“${offer}”满足需求“${need}”。请确认以启动项目。`, declined: `${by} 谢绝以“${offer}”满足需求“${need}”。`, withdrawn: `${by} 撤回了“${offer}”与需求“${need}”的匹配。`, confirmed: `${by} 确认了“${offer}”与其需求“${need}”的匹配：项目开始。` })[e],
  ar: (e, need, offer, by) =>
    ({ invited: `يدعو ${by} عرضك «${offer}» إلى تلبية احتياجه «${need}».`, accepted: `وافق ${by} على تلبية الاحتياج «${need}» بالعرض «${offer}». أكّد ذلك لبدء المشروع.`, declined: `اعتذر ${by} عن تلبية الاحتياج «${need}» بالعرض «${offer}».`, withdrawn: `انسحب ${by} من مطابقة العرض «${offer}» مع الاحتياج «${need}».`, confirmed: `أكّد ${by} مطابقة العرض «${offer}» مع احتياجه «${need}»: يبدأ المشروع.` })[e],
};

const MESSAGE_LABEL: Record<Language, string> = { en: 'Message', fr: 'Message', es: 'Mensaje', ru: 'Сообщение', zh: '留言', ar: 'الرسالة' };

export function matchMail(lang: Language, event: MatchEvent, f: MatchMailFacts): { subject: string; text: string } {
  const need = inLanguage(f.needTitle, lang).text;
  const offer = inLanguage(f.offerTitle, lang).text;
  const message = f.message ? `\n\n${MESSAGE_LABEL[lang]}:\n${f.message}` : '';
  return { subject: SUBJECT[lang][event], text: `${f.name},\n\n${BODY[lang](event, need, offer, f.by)}${message}\n\n${f.link}\n` };
}
