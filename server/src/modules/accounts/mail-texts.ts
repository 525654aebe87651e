import type { Role } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';

/**
 * The emails an account receives, in the six UN languages: each person reads them in the language
 * of their account (chosen by whoever invited them, changeable on their account page), and the
 * links in them open the platform in that language.
 */
export interface Mail {
  subject: string;
  text: string;
}

const ROLE_NAMES: Record<Language, Record<Role, string>> = {
  en: { secretariat: 'member of the Secretariat', chair: 'chair', focal_point: 'focal point', delegate: 'delegate', stakeholder: 'stakeholder representative', poc: 'point of contact' },
  fr: { secretariat: 'membre du Secrétariat', chair: 'président(e)', focal_point: 'point focal', delegate: 'délégué(e)', stakeholder: 'représentant(e) d’une partie prenante', poc: 'point de contact' },
  es: { secretariat: 'miembro de la Secretaría', chair: 'presidencia', focal_point: 'punto focal', delegate: 'delegado/a', stakeholder: 'representante de una parte interesada', poc: 'punto de contacto' },
  ru: { secretariat: 'сотрудник Секретариата', chair: 'председатель', focal_point: 'координатор', delegate: 'делегат', stakeholder: 'представитель заинтересованной стороны', poc: 'контактное лицо' },
  zh: { secretariat: '秘书处成员', chair: '主席', focal_point: '联络人', delegate: '代表', stakeholder: '利益攸关方代表', poc: '联络点' },
  ar: { secretariat: 'عضو في الأمانة', chair: 'رئيس', focal_point: 'جهة اتصال', delegate: 'مندوب', stakeholder: 'ممثل لجهة معنية', poc: 'نقطة اتصال' },
};

export interface InvitationFacts {
  name: string;
  role: Role;
  /** The State's name in the mail's language, for focal points and delegates. */
  stateName: string | null;
  link: string;
  days: number;
  secondFactor: boolean;
}

export function invitationMail(lang: Language, f: InvitationFacts): Mail {
  const role = ROLE_NAMES[lang][f.role];
  switch (lang) {
    case 'fr':
      return {
        subject: 'Votre invitation à la plateforme du PoA',
        text:
          `${f.name},\n\nVous êtes invité(e) sur la plateforme du Programme d’action sur les TIC dans le contexte de la sécurité internationale` +
          ` en tant que ${role}${f.stateName ? ` (${f.stateName})` : ''}.\n\nChoisissez votre mot de passe${f.secondFactor ? ' et votre second facteur' : ''} ici, dans un délai de ${f.days} jours :\n${f.link}\n\n` +
          'Si vous n’attendiez pas ce message, ignorez-le.\n',
      };
    case 'es':
      return {
        subject: 'Su invitación a la plataforma del PoA',
        text:
          `${f.name}:\n\nHa sido invitado/a a la plataforma del Programa de Acción sobre las TIC en el contexto de la seguridad internacional` +
          ` como ${role}${f.stateName ? ` (${f.stateName})` : ''}.\n\nElija su contraseña${f.secondFactor ? ' y su segundo factor' : ''} aquí, en un plazo de ${f.days} días:\n${f.link}\n\n` +
          'Si no esperaba este mensaje, ignórelo.\n',
      };
    case 'ru':
      return {
        subject: 'Приглашение на платформу Программы действий',
        text:
          `${f.name}!\n\nВы приглашены на платформу Программы действий в области ИКТ в контексте международной безопасности` +
          ` в качестве: ${role}${f.stateName ? ` (${f.stateName})` : ''}.\n\nЗадайте пароль${f.secondFactor ? ' и второй фактор' : ''} по этой ссылке в течение ${f.days} дней:\n${f.link}\n\n` +
          'Если вы не ожидали этого сообщения, просто проигнорируйте его.\n',
      };
    case 'zh':
      return {
        subject: '您受邀加入行动纲领平台',
        text:
          `${f.name}：\n\n您已受邀以${role}${f.stateName ? `（${f.stateName}）` : ''}身份加入关于国际安全背景下信息通信技术的行动纲领平台。\n\n` +
          `请在 ${f.days} 天内通过以下链接设置密码${f.secondFactor ? '和第二重验证' : ''}：\n${f.link}\n\n如果您并未预期收到此邮件，请忽略。\n`,
      };
    case 'ar':
      return {
        subject: 'دعوتك إلى منصة برنامج العمل',
        text:
          `${f.name}،\n\nتمت دعوتك إلى منصة برنامج العمل المتعلق بتكنولوجيا المعلومات والاتصالات في سياق الأمن الدولي` +
          ` بصفة ${role}${f.stateName ? ` (${f.stateName})` : ''}.\n\nاختر كلمة المرور${f.secondFactor ? ' وعامل التحقق الثاني' : ''} من هنا خلال ${f.days} أيام:\n${f.link}\n\n` +
          'إذا لم تكن تتوقع هذه الرسالة، فتجاهلها.\n',
      };
    case 'en':
      return {
        subject: 'Your invitation to the PoA Platform',
        text:
          `${f.name},\n\nYou have been invited to the platform of the Programme of Action on ICTs in the context of international security` +
          ` as ${role}${f.stateName ? ` of ${f.stateName}` : ''}.\n\nSet your password${f.secondFactor ? ' and your second factor' : ''} here, within ${f.days} days:\n${f.link}\n\n` +
          'If you did not expect this message, ignore it.\n',
      };
  }
}

export interface ResetFacts {
  name: string;
  link: string;
  minutes: number;
}

export function passwordResetMail(lang: Language, f: ResetFacts): Mail {
  switch (lang) {
    case 'fr':
      return {
        subject: 'Réinitialiser votre mot de passe de la plateforme du PoA',
        text:
          `${f.name},\n\nQuelqu’un a demandé à réinitialiser le mot de passe de votre compte. Si c’était vous, choisissez un nouveau mot de passe ici dans les ${f.minutes} minutes :\n` +
          `${f.link}\n\nSi ce n’était pas vous, ignorez ce message : votre mot de passe reste inchangé.\n`,
      };
    case 'es':
      return {
        subject: 'Restablecer su contraseña de la plataforma del PoA',
        text:
          `${f.name}:\n\nAlguien pidió restablecer la contraseña de su cuenta. Si fue usted, elija una nueva contraseña aquí en los próximos ${f.minutes} minutos:\n` +
          `${f.link}\n\nSi no fue usted, ignore este mensaje: su contraseña no cambia.\n`,
      };
    case 'ru':
      return {
        subject: 'Сброс пароля на платформе Программы действий',
        text:
          `${f.name}!\n\nПоступил запрос на сброс пароля вашей учетной записи. Если это были вы, задайте новый пароль по этой ссылке в течение ${f.minutes} минут:\n` +
          `${f.link}\n\nЕсли это были не вы, проигнорируйте сообщение: ваш пароль не изменится.\n`,
      };
    case 'zh':
      return {
        subject: '重置您的行动纲领平台密码',
        text: `${f.name}：\n\n有人请求重置您账户的密码。如果是您本人，请在 ${f.minutes} 分钟内通过以下链接设置新密码：\n${f.link}\n\n如果不是您本人，请忽略此邮件：您的密码保持不变。\n`,
      };
    case 'ar':
      return {
        subject: 'إعادة تعيين كلمة المرور في منصة برنامج العمل',
        text:
          `${f.name}،\n\nطلب شخص ما إعادة تعيين كلمة المرور لحسابك. إذا كنت أنت، فاختر كلمة مرور جديدة من هنا خلال ${f.minutes} دقيقة:\n` +
          `${f.link}\n\nإذا لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.\n`,
      };
    case 'en':
      return {
        subject: 'Reset your PoA Platform password',
        text:
          `${f.name},\n\nSomeone asked to reset the password of your account. If it was you, choose a new password here within ${f.minutes} minutes:\n` +
          `${f.link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
      };
  }
}

export interface LockFacts {
  name: string;
  /** The sign-in page, in the mail's language. */
  signInLink: string;
  /** The page to ask for a reset link, in the mail's language. */
  resetLink: string;
  minutes: number;
  /** Whether the account has recovery codes (a second factor) to get back in with. */
  recoveryCodes: boolean;
}

/** To the owner of an account locked after many failed sign-ins from anywhere. */
export function accountLockedMail(lang: Language, f: LockFacts): Mail {
  switch (lang) {
    case 'fr':
      return {
        subject: 'Votre compte de la plateforme du PoA est verrouillé',
        text:
          `${f.name},\n\nDe très nombreuses tentatives de connexion à votre compte ont échoué, depuis une ou plusieurs adresses. Votre compte est verrouillé pour ${f.minutes} minutes.\n\n` +
          (f.recoveryCodes ? `Vous pouvez vous connecter dès maintenant avec votre mot de passe et l’un de vos codes de récupération :\n${f.signInLink}\n\n` : '') +
          `Vous pouvez aussi choisir un nouveau mot de passe, ce qui lève le verrou :\n${f.resetLink}\n\nSi ces tentatives ne venaient pas de vous, prévenez le Secrétariat.\n`,
      };
    case 'es':
      return {
        subject: 'Su cuenta de la plataforma del PoA está bloqueada',
        text:
          `${f.name}:\n\nHan fallado muchísimos intentos de iniciar sesión en su cuenta, desde una o varias direcciones. Su cuenta está bloqueada durante ${f.minutes} minutos.\n\n` +
          (f.recoveryCodes ? `Puede iniciar sesión ya con su contraseña y uno de sus códigos de recuperación:\n${f.signInLink}\n\n` : '') +
          `También puede elegir una nueva contraseña, lo que levanta el bloqueo:\n${f.resetLink}\n\nSi esos intentos no fueron suyos, avise a la Secretaría.\n`,
      };
    case 'ru':
      return {
        subject: 'Ваша учетная запись на платформе Программы действий заблокирована',
        text:
          `${f.name}!\n\nБыло очень много неудачных попыток входа в вашу учетную запись с одного или нескольких адресов. Учетная запись заблокирована на ${f.minutes} минут.\n\n` +
          (f.recoveryCodes ? `Вы можете войти уже сейчас, указав пароль и один из кодов восстановления:\n${f.signInLink}\n\n` : '') +
          `Вы также можете задать новый пароль, и блокировка будет снята:\n${f.resetLink}\n\nЕсли эти попытки предприняли не вы, сообщите Секретариату.\n`,
      };
    case 'zh':
      return {
        subject: '您的行动纲领平台账户已被锁定',
        text:
          `${f.name}：\n\n有人从一个或多个地址多次尝试登录您的账户均告失败。您的账户已被锁定 ${f.minutes} 分钟。\n\n` +
          (f.recoveryCodes ? `您现在即可使用密码和一个恢复码登录：\n${f.signInLink}\n\n` : '') +
          `您也可以设置新密码，锁定随即解除：\n${f.resetLink}\n\n如果这些尝试并非您本人所为，请告知秘书处。\n`,
      };
    case 'ar':
      return {
        subject: 'تم قفل حسابك في منصة برنامج العمل',
        text:
          `${f.name}،\n\nفشلت محاولات كثيرة جدًا لتسجيل الدخول إلى حسابك، من عنوان واحد أو أكثر. تم قفل حسابك لمدة ${f.minutes} دقيقة.\n\n` +
          (f.recoveryCodes ? `يمكنك تسجيل الدخول الآن بكلمة المرور وأحد رموز الاسترداد:\n${f.signInLink}\n\n` : '') +
          `يمكنك أيضًا اختيار كلمة مرور جديدة، فيُرفع القفل:\n${f.resetLink}\n\nإذا لم تكن هذه المحاولات منك، فأبلغ الأمانة.\n`,
      };
    case 'en':
      return {
        subject: 'Your PoA Platform account is locked',
        text:
          `${f.name},\n\nVery many attempts to sign in to your account have failed, from one or more addresses. Your account is locked for ${f.minutes} minutes.\n\n` +
          (f.recoveryCodes ? `You can sign in right away with your password and one of your recovery codes:\n${f.signInLink}\n\n` : '') +
          `You can also choose a new password, which lifts the lock:\n${f.resetLink}\n\nIf these attempts were not yours, tell the Secretariat.\n`,
      };
  }
}

export interface RepresentativeFacts {
  name: string;
  /** The organisation's name, as it gave it. */
  organisation: string;
  /** The link to choose a new password, in the mail's language. */
  link: string;
  days: number;
}

/**
 * To a person whose existing account (left with no role) now acts for an accredited organisation, as
 * its representative: it signs in again once it has chosen a new password with the link.
 */
export function representativeMail(lang: Language, f: RepresentativeFacts): Mail {
  switch (lang) {
    case 'fr':
      return {
        subject: 'Vous représentez désormais une organisation accréditée',
        text: `${f.name},\n\nVotre compte sur la plateforme du PoA représente désormais ${f.organisation}, organisation accréditée.\n\nChoisissez un nouveau mot de passe avec ce lien (valable ${f.days} jours) ; l’ancien ne sert plus :\n${f.link}\n\nSi vous n’attendiez pas ce message, écrivez au Secrétariat.\n`,
      };
    case 'es':
      return {
        subject: 'Ahora representa a una organización acreditada',
        text: `${f.name}:\n\nSu cuenta en la plataforma del PoA representa ahora a ${f.organisation}, organización acreditada.\n\nElija una nueva contraseña con este enlace (válido ${f.days} días); la anterior ya no sirve:\n${f.link}\n\nSi no esperaba este mensaje, escriba a la Secretaría.\n`,
      };
    case 'ru':
      return {
        subject: 'Теперь вы представляете аккредитованную организацию',
        text: `${f.name}!\n\nВаша учётная запись на платформе Программы действий теперь представляет аккредитованную организацию ${f.organisation}.\n\nВыберите новый пароль по этой ссылке (действует ${f.days} дн.); прежний пароль больше не действует:\n${f.link}\n\nЕсли вы не ожидали этого сообщения, напишите в Секретариат.\n`,
      };
    case 'zh':
      return {
        subject: '您现在代表一个经认可的组织',
        text: `${f.name}：\n\n您在行动纲领平台上的账户现在代表经认可的组织 ${f.organisation}。\n\n请通过以下链接设置新密码（${f.days} 天内有效），原有密码已失效：\n${f.link}\n\n如果您并未预期收到此邮件，请联系秘书处。\n`,
      };
    case 'ar':
      return {
        subject: 'أصبحت تمثل منظمة معتمدة',
        text: `${f.name}،\n\nأصبح حسابك على منصة برنامج العمل يمثل المنظمة المعتمدة ${f.organisation}.\n\nاختر كلمة مرور جديدة عبر هذا الرابط (صالح لمدة ${f.days} يومًا)؛ لم تعد كلمة المرور السابقة صالحة:\n${f.link}\n\nإذا لم تكن تتوقع هذه الرسالة، فاكتب إلى الأمانة.\n`,
      };
    case 'en':
      return {
        subject: 'You now represent an accredited organisation',
        text: `${f.name},\n\nYour account on the PoA Platform now represents ${f.organisation}, an accredited organisation.\n\nChoose a new password with this link (valid ${f.days} days); the old one no longer works:\n${f.link}\n\nIf you did not expect this message, write to the Secretariat.\n`,
      };
  }
}
