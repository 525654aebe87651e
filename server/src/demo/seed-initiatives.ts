import type { PlatformContext } from '../platform/context.js';
import { proposeInitiative, publishInitiative } from '../modules/initiatives/index.js';
import { actorOf, type DemoAccount } from './seed-demo.js';

const pick = (accounts: DemoAccount[], email: string) => {
  const account = accounts.find((a) => a.email === email);
  if (!account) throw new Error(`demo account ${email} is missing`);
  return account;
};

/**
 * Other initiatives in the demo: regional organisations' work on ICT security that the PoA coordinates
 * with, published by the Secretariat, and one proposal by a State awaiting review. Only well-known
 * facts; links are the organisations' home pages, and States are left out where their lists are long.
 */
export async function seedInitiatives(ctx: PlatformContext, accounts: DemoAccount[]): Promise<void> {
  const db = ctx.database.db;
  const secretariat = actorOf(pick(accounts, 'secretariat@poa.demo'));
  const published = [
    {
      name: {
        en: 'OSCE confidence-building measures to reduce the risks of conflict stemming from the use of ICTs',
        fr: 'Mesures de confiance de l’OSCE visant à réduire les risques de conflit découlant de l’utilisation des TIC',
      },
      owner: { en: 'Organization for Security and Co-operation in Europe (OSCE)', fr: 'Organisation pour la sécurité et la coopération en Europe (OSCE)', es: 'Organización para la Seguridad y la Cooperación en Europa (OSCE)', ru: 'Организация по безопасности и сотрудничеству в Европе (ОБСЕ)' },
      kind: 'regional-cbms' as const,
      summary: { en: 'Two sets of CBMs adopted by the OSCE Permanent Council (Decision No. 1106, 2013, and Decision No. 1202, 2016), including national contact points.' },
      elements: ['global-cbm-1', 'global-cbm-3', 'global-cbm-5'],
      links: [{ label: 'OSCE', url: 'https://www.osce.org' }],
    },
    {
      name: { en: 'ASEAN Regional Forum work on security of and in the use of ICTs' },
      owner: { en: 'ASEAN Regional Forum (ARF)' },
      kind: 'regional-cbms' as const,
      summary: { en: 'The ARF Work Plan on Security of and in the Use of ICTs (2015) and the ARF inter-sessional meetings on ICT security.' },
      elements: ['global-cbm-2', 'global-cbm-5'],
      links: [{ label: 'ASEAN', url: 'https://asean.org' }],
    },
    {
      name: {
        en: 'OAS/CICTE Working Group on Cooperation and Confidence-Building Measures in Cyberspace',
        es: 'Grupo de Trabajo sobre Medidas de Cooperación y Fomento de la Confianza en el Ciberespacio de la OEA/CICTE',
      },
      owner: { en: 'Organization of American States (OAS), Inter-American Committee against Terrorism (CICTE)', es: 'Organización de los Estados Americanos (OEA), Comité Interamericano contra el Terrorismo (CICTE)', fr: 'Organisation des États américains (OEA), Comité interaméricain contre le terrorisme (CICTE)' },
      kind: 'regional-cbms' as const,
      elements: ['global-cbm-1', 'global-cbm-5', 'global-cbm-6'],
      links: [{ label: 'OAS', url: 'https://www.oas.org' }],
    },
    {
      name: { en: 'Common African Position on the Application of International Law to the Use of ICTs in Cyberspace' },
      owner: { en: 'African Union', fr: 'Union africaine', es: 'Unión Africana', ar: 'الاتحاد الأفريقي' },
      kind: 'other' as const,
      summary: { en: 'Adopted by the African Union Peace and Security Council in 2024.' },
      elements: ['il-charter-applies', 'il-sovereignty'],
      links: [{ label: 'African Union', url: 'https://au.int' }],
    },
  ];
  for (const i of published) {
    const row = await proposeInitiative(db, { actor: secretariat, states: [], contact: null, ...i });
    await publishInitiative(db, { actor: secretariat, id: row.id });
  }
  // A State's proposal, waiting for the Secretariat's review (seen by France's focal point and the Secretariat only).
  await proposeInitiative(db, {
    actor: actorOf(pick(accounts, 'focal.fra@poa.demo')),
    name: { en: 'Paris Call for Trust and Security in Cyberspace', fr: 'Appel de Paris pour la confiance et la sécurité dans le cyberespace' },
    owner: { en: 'Paris Call (multistakeholder initiative launched by France in 2018)', fr: 'Appel de Paris (initiative multipartite lancée par la France en 2018)' },
    kind: 'other',
    elements: [],
    states: ['FRA'],
    contact: null,
    links: [],
  });
}
