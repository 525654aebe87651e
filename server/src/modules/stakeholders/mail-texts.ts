import { deadlineLabel } from '../../kernel/deadline.js';
import type { Language } from '../../kernel/languages.js';

/**
 * What applicants and focal points are told, in the language each reads: the applicant in the language
 * it applied in, a focal point in its account's language. No text here ever names a State that did
 * not agree to be named: the outcome names only those given to it in `namedStates`.
 */
export interface Notice {
  subject: string;
  text: string;
}

type Texts = {
  received: (name: string, link: string) => Notice;
  informationRequested: (name: string, question: string, link: string) => Notice;
  circulated: (name: string, when: string, link: string) => Notice;
  accredited: (name: string, link: string) => Notice;
  notAccredited: (name: string, count: number, link: string) => Notice;
  bases: string;
  named: string;
  withdrawn: (name: string, decision: string, reason: string) => Notice;
  batch: (n: number, count: number, link: string) => Notice;
};

const TEXTS: Record<Language, Texts> = {
  en: {
    received: (n, l) => ({ subject: `Application for accreditation received: ${n}`, text: `The Secretariat has received the application of ${n} for accreditation to the PoA.\nFollow it with this private link (keep it to yourself): ${l}` }),
    informationRequested: (n, q, l) => ({ subject: `More information needed: ${n}`, text: `The Secretariat asks for more information on the application of ${n}:\n\n${q}\n\nAnswer here: ${l}` }),
    circulated: (n, w, l) => ({ subject: `Application circulated to the States: ${n}`, text: `The application of ${n} has been circulated to the States on a non-objection basis. The period ends on ${w}.\nFollow it here: ${l}` }),
    accredited: (n, l) => ({ subject: `Accredited: ${n}`, text: `No State objected: ${n} is accredited to the PoA. Your first representative will receive an invitation to the platform, and can invite the others.\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `Not accredited: ${n}`, text: `${c} State(s) objected to the accreditation of ${n}, which is therefore not accredited.\n${l}` }),
    bases: 'General basis shared:',
    named: 'States that agreed to be named:',
    withdrawn: (n, d, r) => ({ subject: `Accreditation withdrawn: ${n}`, text: `By decision ${d}, the accreditation of ${n} has been withdrawn.\nReason: ${r}` }),
    batch: (b, c, l) => ({ subject: `Applications for accreditation, batch ${b}`, text: `The Secretariat has circulated batch ${b}: ${c} application(s) for accreditation on a non-objection basis.\nRead them and, if your State objects, say so before the end of each period: ${l}` }),
  },
  fr: {
    received: (n, l) => ({ subject: `Demande d’accréditation reçue : ${n}`, text: `Le Secrétariat a reçu la demande d’accréditation de ${n} au PoA.\nSuivez-la avec ce lien privé (gardez-le pour vous) : ${l}` }),
    informationRequested: (n, q, l) => ({ subject: `Informations complémentaires demandées : ${n}`, text: `Le Secrétariat demande des informations complémentaires sur la demande de ${n} :\n\n${q}\n\nRépondez ici : ${l}` }),
    circulated: (n, w, l) => ({ subject: `Demande transmise aux États : ${n}`, text: `La demande de ${n} a été transmise aux États selon la procédure d’approbation tacite. Le délai prend fin le ${w}.\nSuivez-la ici : ${l}` }),
    accredited: (n, l) => ({ subject: `Accréditée : ${n}`, text: `Aucun État ne s’y est opposé : ${n} est accréditée au PoA. Votre premier représentant recevra une invitation à la plateforme et pourra inviter les autres.\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `Non accréditée : ${n}`, text: `${c} État(s) se sont opposés à l’accréditation de ${n}, qui n’est donc pas accréditée.\n${l}` }),
    bases: 'Motif général communiqué :',
    named: 'États ayant accepté d’être nommés :',
    withdrawn: (n, d, r) => ({ subject: `Accréditation retirée : ${n}`, text: `Par la décision ${d}, l’accréditation de ${n} a été retirée.\nMotif : ${r}` }),
    batch: (b, c, l) => ({ subject: `Demandes d’accréditation, lot ${b}`, text: `Le Secrétariat a transmis le lot ${b} : ${c} demande(s) d’accréditation selon la procédure d’approbation tacite.\nLisez-les et, si votre État s’y oppose, dites-le avant la fin de chaque délai : ${l}` }),
  },
  es: {
    received: (n, l) => ({ subject: `Solicitud de acreditación recibida: ${n}`, text: `La Secretaría ha recibido la solicitud de acreditación de ${n} ante el PoA.\nSígala con este enlace privado (no lo comparta): ${l}` }),
    informationRequested: (n, q, l) => ({ subject: `Se necesita más información: ${n}`, text: `La Secretaría solicita más información sobre la solicitud de ${n}:\n\n${q}\n\nResponda aquí: ${l}` }),
    circulated: (n, w, l) => ({ subject: `Solicitud transmitida a los Estados: ${n}`, text: `La solicitud de ${n} se ha transmitido a los Estados según el procedimiento de no objeción. El plazo termina el ${w}.\nSígala aquí: ${l}` }),
    accredited: (n, l) => ({ subject: `Acreditada: ${n}`, text: `Ningún Estado presentó objeciones: ${n} queda acreditada ante el PoA. Su primer representante recibirá una invitación a la plataforma y podrá invitar a los demás.\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `No acreditada: ${n}`, text: `${c} Estado(s) presentaron objeciones a la acreditación de ${n}, que por tanto no queda acreditada.\n${l}` }),
    bases: 'Fundamento general comunicado:',
    named: 'Estados que aceptaron ser nombrados:',
    withdrawn: (n, d, r) => ({ subject: `Acreditación retirada: ${n}`, text: `Por la decisión ${d}, se ha retirado la acreditación de ${n}.\nMotivo: ${r}` }),
    batch: (b, c, l) => ({ subject: `Solicitudes de acreditación, lote ${b}`, text: `La Secretaría ha transmitido el lote ${b}: ${c} solicitud(es) de acreditación según el procedimiento de no objeción.\nLéalas y, si su Estado se opone, indíquelo antes del fin de cada plazo: ${l}` }),
  },
  ru: {
    received: (n, l) => ({ subject: `Заявка на аккредитацию получена: ${n}`, text: `Секретариат получил заявку ${n} на аккредитацию при ПД.\nСледите за ней по этой личной ссылке (никому её не передавайте): ${l}` }),
    informationRequested: (n, q, l) => ({ subject: `Требуется дополнительная информация: ${n}`, text: `Секретариат запрашивает дополнительную информацию по заявке ${n}:\n\n${q}\n\nОтветьте здесь: ${l}` }),
    circulated: (n, w, l) => ({ subject: `Заявка направлена государствам: ${n}`, text: `Заявка ${n} направлена государствам на основе отсутствия возражений. Срок истекает ${w}.\nСледите за ней здесь: ${l}` }),
    accredited: (n, l) => ({ subject: `Аккредитована: ${n}`, text: `Ни одно государство не возразило: ${n} аккредитована при ПД. Ваш первый представитель получит приглашение на платформу и сможет пригласить остальных.\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `Не аккредитована: ${n}`, text: `Государств, возразивших против аккредитации ${n}: ${c}; поэтому организация не аккредитована.\n${l}` }),
    bases: 'Сообщённое общее основание:',
    named: 'Государства, согласившиеся быть названными:',
    withdrawn: (n, d, r) => ({ subject: `Аккредитация отозвана: ${n}`, text: `Решением ${d} аккредитация ${n} отозвана.\nПричина: ${r}` }),
    batch: (b, c, l) => ({ subject: `Заявки на аккредитацию, пакет ${b}`, text: `Секретариат направил пакет ${b}: заявок на аккредитацию на основе отсутствия возражений — ${c}.\nОзнакомьтесь с ними и, если ваше государство возражает, сообщите об этом до истечения каждого срока: ${l}` }),
  },
  zh: {
    received: (n, l) => ({ subject: `已收到认证申请：${n}`, text: `秘书处已收到${n}向行动纲领提出的认证申请。\n请通过此私人链接跟踪申请（请勿外传）：${l}` }),
    informationRequested: (n, q, l) => ({ subject: `需要补充信息：${n}`, text: `秘书处要求就${n}的申请补充信息：\n\n${q}\n\n请在此答复：${l}` }),
    circulated: (n, w, l) => ({ subject: `申请已分发给各国：${n}`, text: `${n}的申请已按无异议程序分发给各国。期限截至${w}。\n请在此跟踪：${l}` }),
    accredited: (n, l) => ({ subject: `已获认证：${n}`, text: `没有国家提出异议：${n}已获行动纲领认证。您的首位代表将收到平台邀请，并可邀请其他代表。\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `未获认证：${n}`, text: `${c}个国家对${n}的认证提出异议，因此未获认证。\n${l}` }),
    bases: '告知的一般理由：',
    named: '同意具名的国家：',
    withdrawn: (n, d, r) => ({ subject: `认证已撤销：${n}`, text: `根据第${d}号决定，${n}的认证已被撤销。\n理由：${r}` }),
    batch: (b, c, l) => ({ subject: `认证申请，第${b}批`, text: `秘书处已按无异议程序分发第${b}批认证申请，共${c}份。\n请阅读；如贵国反对，请在各期限届满前提出：${l}` }),
  },
  ar: {
    received: (n, l) => ({ subject: `تم استلام طلب الاعتماد: ${n}`, text: `تلقت الأمانة طلب اعتماد ${n} لدى برنامج العمل.\nتابع الطلب عبر هذا الرابط الخاص (احتفظ به لنفسك): ${l}` }),
    informationRequested: (n, q, l) => ({ subject: `مطلوب مزيد من المعلومات: ${n}`, text: `تطلب الأمانة مزيدًا من المعلومات بشأن طلب ${n}:\n\n${q}\n\nأجب هنا: ${l}` }),
    circulated: (n, w, l) => ({ subject: `أُحيل الطلب إلى الدول: ${n}`, text: `أُحيل طلب ${n} إلى الدول على أساس عدم الاعتراض. تنتهي المهلة في ${w}.\nتابعه هنا: ${l}` }),
    accredited: (n, l) => ({ subject: `معتمدة: ${n}`, text: `لم تعترض أي دولة: أصبحت ${n} معتمدة لدى برنامج العمل. سيتلقى ممثلكم الأول دعوة إلى المنصة ويمكنه دعوة الآخرين.\n${l}` }),
    notAccredited: (n, c, l) => ({ subject: `غير معتمدة: ${n}`, text: `اعترضت ${c} دولة (دول) على اعتماد ${n}، ولذلك لم تُعتمد.\n${l}` }),
    bases: 'الأساس العام المُبلَّغ:',
    named: 'الدول التي وافقت على ذكر اسمها:',
    withdrawn: (n, d, r) => ({ subject: `سُحب الاعتماد: ${n}`, text: `بموجب القرار ${d}، سُحب اعتماد ${n}.\nالسبب: ${r}` }),
    batch: (b, c, l) => ({ subject: `طلبات الاعتماد، الدفعة ${b}`, text: `أحالت الأمانة الدفعة ${b}: ${c} طلب (طلبات) اعتماد على أساس عدم الاعتراض.\nاطلع عليها، وإذا اعترضت دولتك فأبلغ بذلك قبل نهاية كل مهلة: ${l}` }),
  },
};

export const trackingLink = (publicUrl: string, lang: Language, token: string) => `${publicUrl}/${lang}/accreditation/track/${token}`;
const batchLink = (publicUrl: string, lang: Language, batchId: string) => `${publicUrl}/${lang}/accreditation/batches/${batchId}`;

export const applicationReceived = (lang: Language, name: string, link: string) => TEXTS[lang].received(name, link);
export const informationRequested = (lang: Language, name: string, question: string, link: string) => TEXTS[lang].informationRequested(name, question, link);
export const applicationCirculated = (lang: Language, name: string, endsAt: Date, zone: string, link: string) =>
  TEXTS[lang].circulated(name, deadlineLabel(endsAt, zone, lang), link);
export const accreditationWithdrawn = (lang: Language, name: string, decision: string, reason: string) => TEXTS[lang].withdrawn(name, decision, reason);
export const batchCirculated = (lang: Language, publicUrl: string, batch: { id: string; number: number; count: number }) =>
  TEXTS[lang].batch(batch.number, batch.count, batchLink(publicUrl, lang, batch.id));

/** The outcome, with the bases shared and only the names of the States that agreed to be named. */
export function outcomeNotice(lang: Language, name: string, link: string, record: { count: number; bases: readonly string[]; namedStates: readonly string[] }): Notice {
  const t = TEXTS[lang];
  if (record.count === 0) return t.accredited(name, link);
  const notice = t.notAccredited(name, record.count, link);
  const lines = [notice.text];
  if (record.bases.length) lines.push('', t.bases, ...record.bases.map((b) => `- ${b}`));
  if (record.namedStates.length) lines.push('', t.named, ...record.namedStates.map((s) => `- ${s}`));
  return { subject: notice.subject, text: lines.join('\n') };
}
