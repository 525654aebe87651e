import { deadlineLabel } from '../../kernel/deadline.js';
import type { Language } from '../../kernel/languages.js';

/**
 * The reminder to a focal point whose State has not yet submitted its national report, in the
 * language the focal point reads the platform's emails in; the deadline in its own time zone.
 */
export interface ReportReminderFacts {
  name: string;
  cycleTitle: string;
  deadlineAt: Date;
  zone: string;
  link: string;
}

export function reportReminder(lang: Language, f: ReportReminderFacts): { subject: string; text: string } {
  const when = deadlineLabel(f.deadlineAt, f.zone, lang);
  switch (lang) {
    case 'fr':
      return {
        subject: `Rappel : rapport national pour ${f.cycleTitle}`,
        text: `${f.name},\n\nLa date limite des rapports nationaux volontaires de « ${f.cycleTitle} » est le ${when}.\nVotre État n’a pas encore soumis son rapport. Vous pouvez partir de votre rapport précédent et marquer des sections « aucun changement depuis le dernier rapport » :\n${f.link}\n`,
      };
    case 'es':
      return {
        subject: `Recordatorio: informe nacional para ${f.cycleTitle}`,
        text: `${f.name}:\n\nEl plazo de los informes nacionales voluntarios de «${f.cycleTitle}» vence el ${when}.\nSu Estado aún no ha presentado su informe. Puede partir de su informe anterior y marcar secciones como «sin cambios desde el último informe»:\n${f.link}\n`,
      };
    case 'ru':
      return {
        subject: `Напоминание: национальный доклад за «${f.cycleTitle}»`,
        text: `${f.name}!\n\nСрок представления добровольных национальных докладов за «${f.cycleTitle}» истекает ${when}.\nВаше государство еще не представило доклад. Вы можете начать с предыдущего доклада и отметить разделы «без изменений с прошлого доклада»:\n${f.link}\n`,
      };
    case 'zh':
      return {
        subject: `提醒：${f.cycleTitle}的国家报告`,
        text: `${f.name}：\n\n“${f.cycleTitle}”自愿国家报告的截止时间为 ${when}。\n贵国尚未提交报告。您可以从上一份报告开始，并将部分章节标记为“自上次报告以来无变化”：\n${f.link}\n`,
      };
    case 'ar':
      return {
        subject: `تذكير: التقرير الوطني عن ${f.cycleTitle}`,
        text: `${f.name}،\n\nالموعد النهائي للتقارير الوطنية الطوعية في «${f.cycleTitle}» هو ${when}.\nلم تقدّم دولتك تقريرها بعد. يمكنك البدء من تقريرك السابق ووسم الأقسام بعبارة «لا تغيير منذ التقرير السابق»:\n${f.link}\n`,
      };
    case 'en':
      return {
        subject: `Reminder: national report for ${f.cycleTitle}`,
        text: `${f.name},\n\nThe deadline for voluntary national reports in "${f.cycleTitle}" is ${when}.\nYour State has not submitted yet. You can start from your previous report and mark sections "no change since last report":\n${f.link}\n`,
      };
  }
}
