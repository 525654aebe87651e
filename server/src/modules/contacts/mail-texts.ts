import type { Language } from '../../kernel/languages.js';
import type { PocRole } from './tables.js';

/**
 * The emails of the crisis line, in the recipient's language. None carries a datum of the directory
 * or of an exchange beyond what its recipient already is: a check asks its own POC to click; a
 * message notice says only that there is a message, with a link to sign in.
 */
export interface Notice {
  subject: string;
  text: string;
}

const ROLE: Record<Language, Record<PocRole, string>> = {
  en: { diplomatic: 'diplomatic', technical: 'technical' },
  fr: { diplomatic: 'diplomatique', technical: 'technique' },
  es: { diplomatic: 'diplomático', technical: 'técnico' },
  ru: { diplomatic: 'дипломатическое', technical: 'техническое' },
  zh: { diplomatic: '外交', technical: '技术' },
  ar: { diplomatic: 'الدبلوماسية', technical: 'التقنية' },
};

export function checkMail(lang: Language, f: { name: string; link: string; reminder: boolean }): Notice {
  switch (lang) {
    case 'fr':
      return {
        subject: `${f.reminder ? 'Rappel : ' : ''}Vérification de la joignabilité des points de contact du PoA`,
        text: `${f.name},\n\nLe Secrétariat vérifie que les points de contact du Programme d’action sont joignables. Confirmez la réception de ce message en ouvrant ce lien (une seule fois) :\n${f.link}\n\nAucune autre action n’est requise.\n`,
      };
    case 'es':
      return {
        subject: `${f.reminder ? 'Recordatorio: ' : ''}Comprobación de la disponibilidad de los puntos de contacto del PoA`,
        text: `${f.name}:\n\nLa Secretaría comprueba que los puntos de contacto del Programa de Acción están disponibles. Confirme la recepción de este mensaje abriendo este enlace (una sola vez):\n${f.link}\n\nNo se requiere ninguna otra acción.\n`,
      };
    case 'ru':
      return {
        subject: `${f.reminder ? 'Напоминание: ' : ''}Проверка доступности контактных лиц Программы действий`,
        text: `${f.name}!\n\nСекретариат проверяет доступность контактных лиц Программы действий. Подтвердите получение этого сообщения, открыв эту ссылку (один раз):\n${f.link}\n\nБольше ничего делать не нужно.\n`,
      };
    case 'zh':
      return {
        subject: `${f.reminder ? '提醒：' : ''}行动纲领联络点可达性检查`,
        text: `${f.name}：\n\n秘书处正在检查行动纲领各联络点是否可以联系。请打开以下链接（仅限一次）确认收到本消息：\n${f.link}\n\n无需采取其他行动。\n`,
      };
    case 'ar':
      return {
        subject: `${f.reminder ? 'تذكير: ' : ''}التحقق من إمكانية الوصول إلى نقاط الاتصال لبرنامج العمل`,
        text: `${f.name}،\n\nتتحقق الأمانة من إمكانية الوصول إلى نقاط الاتصال لبرنامج العمل. يرجى تأكيد استلام هذه الرسالة بفتح هذا الرابط (مرة واحدة):\n${f.link}\n\nلا يلزم أي إجراء آخر.\n`,
      };
    case 'en':
      return {
        subject: `${f.reminder ? 'Reminder: ' : ''}Reachability check of the PoA points of contact`,
        text: `${f.name},\n\nThe Secretariat is checking that the points of contact of the Programme of Action can be reached. Confirm that you received this message by opening this link (once):\n${f.link}\n\nNothing else is needed.\n`,
      };
  }
}

/** To a State's other POCs and focal point: its POC of this role has not answered a check. */
export function escalationMail(lang: Language, f: { role: PocRole; hours: number; link: string }): Notice {
  const role = ROLE[lang][f.role];
  switch (lang) {
    case 'fr':
      return {
        subject: 'Point de contact injoignable : vérification du PoA',
        text: `Le point de contact ${role} de votre État n’a pas répondu depuis ${f.hours} heures à la vérification de joignabilité du Secrétariat.\nVeuillez vérifier ses coordonnées. Connectez-vous pour voir les résultats de votre État :\n${f.link}\n`,
      };
    case 'es':
      return {
        subject: 'Punto de contacto sin respuesta: comprobación del PoA',
        text: `El punto de contacto ${role} de su Estado no ha respondido en ${f.hours} horas a la comprobación de disponibilidad de la Secretaría.\nVerifique sus datos de contacto. Inicie sesión para ver los resultados de su Estado:\n${f.link}\n`,
      };
    case 'ru':
      return {
        subject: 'Контактное лицо не отвечает: проверка Программы действий',
        text: `${role[0]!.toUpperCase()}${role.slice(1)} контактное лицо вашего государства не ответило в течение ${f.hours} ч на проверку доступности, проводимую Секретариатом.\nПроверьте его контактные данные. Войдите, чтобы увидеть результаты вашего государства:\n${f.link}\n`,
      };
    case 'zh':
      return {
        subject: '联络点未回复：行动纲领可达性检查',
        text: `贵国的${role}联络点在 ${f.hours} 小时内未回复秘书处的可达性检查。\n请核实其联系方式。请登录查看贵国的结果：\n${f.link}\n`,
      };
    case 'ar':
      return {
        subject: 'نقطة اتصال لم ترد: التحقق من برنامج العمل',
        text: `لم ترد نقطة الاتصال ${role} لدولتكم منذ ${f.hours} ساعة على تحقق الأمانة من إمكانية الوصول.\nيرجى التحقق من بيانات الاتصال الخاصة بها. سجّلوا الدخول لرؤية نتائج دولتكم:\n${f.link}\n`,
      };
    case 'en':
      return {
        subject: 'Point of contact not answering: PoA reachability check',
        text: `The ${role} point of contact of your State has not answered the Secretariat's reachability check for ${f.hours} hours.\nPlease check its contact details. Sign in to see your State's results:\n${f.link}\n`,
      };
  }
}

/** A new message in an exchange: that there is one, nothing of it; marked when it is an exercise. */
export function messageNotice(lang: Language, f: { link: string; exercise: boolean }): Notice {
  const mark: Record<Language, string> = { en: '[EXERCISE] ', fr: '[EXERCICE] ', es: '[EJERCICIO] ', ru: '[УЧЕНИЯ] ', zh: '[演练] ', ar: '[تمرين] ' };
  const x = f.exercise ? mark[lang] : '';
  switch (lang) {
    case 'fr':
      return { subject: `${x}Nouveau message pour votre État (points de contact du PoA)`, text: `${x}Un message adressé à votre État vous attend sur la plateforme du PoA.\nConnectez-vous pour le lire :\n${f.link}\n` };
    case 'es':
      return { subject: `${x}Nuevo mensaje para su Estado (puntos de contacto del PoA)`, text: `${x}Un mensaje dirigido a su Estado le espera en la plataforma del PoA.\nInicie sesión para leerlo:\n${f.link}\n` };
    case 'ru':
      return { subject: `${x}Новое сообщение для вашего государства (контактные лица ПД)`, text: `${x}На платформе Программы действий вашему государству направлено сообщение.\nВойдите, чтобы прочитать его:\n${f.link}\n` };
    case 'zh':
      return { subject: `${x}贵国有一条新消息（行动纲领联络点）`, text: `${x}行动纲领平台上有一条发给贵国的消息。\n请登录阅读：\n${f.link}\n` };
    case 'ar':
      return { subject: `${x}رسالة جديدة لدولتكم (نقاط اتصال برنامج العمل)`, text: `${x}هناك رسالة موجهة إلى دولتكم على منصة برنامج العمل.\nسجّلوا الدخول لقراءتها:\n${f.link}\n` };
    case 'en':
      return { subject: `${x}New message for your State (PoA points of contact)`, text: `${x}A message for your State is waiting on the PoA Platform.\nSign in to read it:\n${f.link}\n` };
  }
}

export type DirectoryChange = 'nominate' | 'update' | 'withdraw';

/** One line of the directory digest: which State, which role, what happened, when. Nothing of the person. */
export interface DigestLine {
  stateName: string;
  role: PocRole;
  change: DirectoryChange;
  at: Date;
}

const ROLE_NOUN: Record<Language, Record<PocRole, string>> = {
  en: { diplomatic: 'diplomatic point of contact', technical: 'technical point of contact' },
  fr: { diplomatic: 'point de contact diplomatique', technical: 'point de contact technique' },
  es: { diplomatic: 'punto de contacto diplomático', technical: 'punto de contacto técnico' },
  ru: { diplomatic: 'дипломатическое контактное лицо', technical: 'техническое контактное лицо' },
  zh: { diplomatic: '外交联络点', technical: '技术联络点' },
  ar: { diplomatic: 'نقطة الاتصال الدبلوماسية', technical: 'نقطة الاتصال التقنية' },
};

const CHANGE_WORD: Record<Language, Record<DirectoryChange, string>> = {
  en: { nominate: 'nominated', update: 'details changed', withdraw: 'withdrawn' },
  fr: { nominate: 'nomination', update: 'coordonnées modifiées', withdraw: 'retrait' },
  es: { nominate: 'designación', update: 'datos modificados', withdraw: 'retirada' },
  ru: { nominate: 'назначение', update: 'изменение данных', withdraw: 'отзыв' },
  zh: { nominate: '已指定', update: '信息已更改', withdraw: '已撤回' },
  ar: { nominate: 'تسمية', update: 'تغيير البيانات', withdraw: 'سحب' },
};

const DIGEST_TEXT: Record<Language, { subject: string; lead: string; signIn: string }> = {
  en: { subject: 'Changes in the directory of PoA points of contact', lead: 'Since the last digest, the directory of points of contact changed (times in UTC):', signIn: 'Sign in to see the directory:' },
  fr: { subject: 'Modifications de l’annuaire des points de contact du PoA', lead: 'Depuis le dernier récapitulatif, l’annuaire des points de contact a changé (heures UTC) :', signIn: 'Connectez-vous pour consulter l’annuaire :' },
  es: { subject: 'Cambios en el directorio de puntos de contacto del PoA', lead: 'Desde el último resumen, el directorio de puntos de contacto ha cambiado (horas UTC):', signIn: 'Inicie sesión para ver el directorio:' },
  ru: { subject: 'Изменения в справочнике контактных лиц Программы действий', lead: 'Со времени последней сводки в справочнике контактных лиц произошли изменения (время UTC):', signIn: 'Войдите, чтобы открыть справочник:' },
  zh: { subject: '行动纲领联络点名录的变更', lead: '自上次摘要以来，联络点名录发生了以下变更（时间为 UTC）：', signIn: '请登录查看名录：' },
  ar: { subject: 'تغييرات في دليل نقاط الاتصال لبرنامج العمل', lead: 'منذ الموجز الأخير، طرأت التغييرات التالية على دليل نقاط الاتصال (الأوقات بالتوقيت العالمي المنسق):', signIn: 'سجّلوا الدخول للاطلاع على الدليل:' },
};

/**
 * The daily digest of the directory's changes to a POC of another State: which State, which role,
 * what changed and when, and a link to sign in; never a name, an address or a number.
 */
export function directoryDigestMail(lang: Language, f: { lines: readonly DigestLine[]; link: string }): Notice {
  const t = DIGEST_TEXT[lang];
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const comma = lang === 'ar' ? '، ' : lang === 'zh' ? '，' : ', ';
  const lines = f.lines.map((l) => `- ${when.format(l.at)} — ${l.stateName}: ${ROLE_NOUN[lang][l.role]}${comma}${CHANGE_WORD[lang][l.change]}`);
  return { subject: t.subject, text: `${t.lead}\n\n${lines.join('\n')}\n\n${t.signIn}\n${f.link}\n` };
}
