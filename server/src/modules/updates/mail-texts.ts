import type { Language } from '../../kernel/languages.js';
import type { Topic } from './topics.js';

interface Texts {
  confirmSubject: string;
  confirmBody: (link: string, hours: number, topics: string) => string;
  digestSubject: string;
  digestIntro: string;
  topics: Record<Topic, string>;
  unsubscribe: (link: string) => string;
}

/** The emails of the updates service in the six languages: the subscriber's own. */
const TEXTS: Record<Language, Texts> = {
  en: {
    confirmSubject: 'Confirm your subscription to PoA updates',
    confirmBody: (link, hours, topics) =>
      `Someone (we hope you) asked to receive email updates from the PoA Platform on: ${topics}.\n\nTo confirm, open this link within ${hours} hours:\n${link}\n\nIf you did not ask for this, ignore this message: nothing will be sent to you.`,
    digestSubject: 'PoA updates: what is new',
    digestIntro: 'What is new on the PoA Platform since your last update:',
    topics: { meetings: 'Meetings', documents: 'Documents', outcomes: 'Outcomes', reporting: 'Reporting' },
    unsubscribe: (link) => `To stop receiving these emails, open: ${link}`,
  },
  fr: {
    confirmSubject: 'Confirmez votre abonnement aux actualités du PoA',
    confirmBody: (link, hours, topics) =>
      `Quelqu’un (vous, nous l’espérons) a demandé à recevoir par courriel les actualités de la plateforme du PoA sur : ${topics}.\n\nPour confirmer, ouvrez ce lien dans les ${hours} heures :\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message : rien ne vous sera envoyé.`,
    digestSubject: 'Actualités du PoA : les nouveautés',
    digestIntro: 'Les nouveautés de la plateforme du PoA depuis votre dernier envoi :',
    topics: { meetings: 'Réunions', documents: 'Documents', outcomes: 'Textes adoptés', reporting: 'Rapports nationaux' },
    unsubscribe: (link) => `Pour ne plus recevoir ces courriels, ouvrez : ${link}`,
  },
  es: {
    confirmSubject: 'Confirme su suscripción a las novedades del PoA',
    confirmBody: (link, hours, topics) =>
      `Alguien (esperamos que usted) pidió recibir por correo electrónico las novedades de la plataforma del PoA sobre: ${topics}.\n\nPara confirmar, abra este enlace en un plazo de ${hours} horas:\n${link}\n\nSi no lo pidió, ignore este mensaje: no se le enviará nada.`,
    digestSubject: 'Novedades del PoA',
    digestIntro: 'Lo nuevo en la plataforma del PoA desde su último envío:',
    topics: { meetings: 'Reuniones', documents: 'Documentos', outcomes: 'Resultados adoptados', reporting: 'Informes nacionales' },
    unsubscribe: (link) => `Para dejar de recibir estos correos, abra: ${link}`,
  },
  ru: {
    confirmSubject: 'Подтвердите подписку на новости ПД',
    confirmBody: (link, hours, topics) =>
      `Кто-то (надеемся, что вы) попросил получать по электронной почте новости платформы ПД по темам: ${topics}.\n\nЧтобы подтвердить, откройте эту ссылку в течение ${hours} часов:\n${link}\n\nЕсли вы этого не просили, не обращайте внимания на это письмо: вам ничего не будет отправлено.`,
    digestSubject: 'Новости ПД',
    digestIntro: 'Новое на платформе ПД с момента последней рассылки:',
    topics: { meetings: 'Заседания', documents: 'Документы', outcomes: 'Принятые решения', reporting: 'Национальные доклады' },
    unsubscribe: (link) => `Чтобы больше не получать эти письма, откройте: ${link}`,
  },
  zh: {
    confirmSubject: '请确认订阅《行动纲领》最新消息',
    confirmBody: (link, hours, topics) =>
      `有人（希望是您本人）申请通过电子邮件接收《行动纲领》平台关于以下主题的最新消息：${topics}。\n\n请在 ${hours} 小时内打开以下链接以确认：\n${link}\n\n如果您并未提出申请，请忽略此邮件：我们不会向您发送任何内容。`,
    digestSubject: '《行动纲领》最新消息',
    digestIntro: '自上次发送以来《行动纲领》平台的新内容：',
    topics: { meetings: '会议', documents: '文件', outcomes: '通过的成果', reporting: '国家报告' },
    unsubscribe: (link) => `如不想再收到这些邮件，请打开：${link}`,
  },
  ar: {
    confirmSubject: 'أكِّد اشتراكك في مستجدات برنامج العمل',
    confirmBody: (link, hours, topics) =>
      `طلب شخصٌ ما (نأمل أن تكون أنت) تلقي مستجدات منصة برنامج العمل بالبريد الإلكتروني بشأن: ${topics}.\n\nللتأكيد، افتح هذا الرابط في غضون ${hours} ساعة:\n${link}\n\nإن لم تطلب ذلك فتجاهل هذه الرسالة: لن يُرسَل إليك شيء.`,
    digestSubject: 'مستجدات برنامج العمل',
    digestIntro: 'الجديد في منصة برنامج العمل منذ آخر رسالة:',
    topics: { meetings: 'الاجتماعات', documents: 'الوثائق', outcomes: 'النتائج المعتمدة', reporting: 'التقارير الوطنية' },
    unsubscribe: (link) => `لإيقاف تلقي هذه الرسائل، افتح: ${link}`,
  },
};

export function confirmationMail(lang: Language, input: { link: string; unsubscribeLink: string; hours: number; topics: readonly Topic[] }) {
  const t = TEXTS[lang];
  const topics = input.topics.map((k) => t.topics[k]).join(', ');
  return { subject: t.confirmSubject, text: `${t.confirmBody(input.link, input.hours, topics)}\n\n${t.unsubscribe(input.unsubscribeLink)}\n` };
}

export interface DigestEntry {
  topic: Topic;
  title: string;
  link: string;
}

/** The digest: what is new, by topic in the form's order, then the unsubscribe link. */
export function digestMail(lang: Language, input: { entries: readonly DigestEntry[]; unsubscribeLink: string }) {
  const t = TEXTS[lang];
  const parts: string[] = [t.digestIntro];
  for (const topic of Object.keys(t.topics) as Topic[]) {
    const of = input.entries.filter((e) => e.topic === topic);
    if (of.length === 0) continue;
    parts.push(`${t.topics[topic]}\n${of.map((e) => `- ${e.title}\n  ${e.link}`).join('\n')}`);
  }
  parts.push(t.unsubscribe(input.unsubscribeLink));
  return { subject: t.digestSubject, text: parts.join('\n\n') + '\n' };
}
