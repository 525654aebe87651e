import type { CycleDetail, Report } from '../../src/features/reporting/queries';

/** A submitted national report and its cycle, as the API gives them to the public (taken from the demo data). */
export const report: Report = {
  "id": "0bc58554-b9ad-43a1-af72-1f381fb6af70",
  "cycleId": "6d75f778-6a32-41c5-ae44-37f3bcd66b90",
  "state": "VNM",
  "visibility": null,
  "basedOn": null,
  "draft": null,
  "history": null,
  "submissions": [
    {
      "number": 1,
      "submittedAt": "2026-12-07T04:51:03.043Z",
      "contentHash": "138df2bfcbe5fe33aa4d6f4b8661dc6d677e019ca6c2392551d2704e242667b8"
    }
  ],
  "latest": {
    "number": 1,
    "sections": [
      {
        "key": "cbm:global-cbm-1",
        "answer": {
          "status": "implemented",
          "measures": "Points of contact nominated through the Ministry of Foreign Affairs."
        },
        "visibility": "public"
      },
      {
        "key": "norm:norm-13g",
        "answer": {
          "status": "in-progress",
          "measures": "Law on Cybersecurity: list of information systems important for national security."
        },
        "visibility": "public"
      },
      {
        "key": "norm:norm-13j",
        "answer": {
          "status": "planned",
          "challenges": "Few specialists in vulnerability analysis."
        },
        "visibility": "public"
      }
    ]
  },
  "can": {
    "edit": false,
    "submit": false
  }
};

export const cycle: CycleDetail = {
  "id": "6d75f778-6a32-41c5-ae44-37f3bcd66b90",
  "title": "Reporting cycle 2025",
  "periodStart": "2025-01-01",
  "periodEnd": "2025-12-31",
  "openedOn": "2025-12-07",
  "deadlineAt": "2026-11-07T17:00:00.000Z",
  "deadlineZone": "Europe/Zurich",
  "deadlineLocal": "2026-11-07T18:00+01:00",
  "status": "closed",
  "myReport": null,
  "questionnaire": {
    "id": "89642677-a0af-4a74-a851-ea8ce51b7672",
    "builtOn": "2025-12-07",
    "sections": [
      {
        "key": "international-law",
        "part": "international-law",
        "elements": [
          {
            "code": "il-charter-applies",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "International law, in particular the UN Charter, applies",
                "text": "The 2013 report stated that international law, and in particular the Charter of the United Nations, is applicable and is essential to maintaining peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 24 (restating A/68/98 para 19)"
          },
          {
            "code": "il-charter-obligations-framework",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Charter obligations as essential framework",
                "text": "The adherence by States to international law, in particular their Charter obligations, is an essential framework for their actions in their use of ICTs and to promote an open, secure, stable, accessible and peaceful ICT environment.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 25"
          },
          {
            "code": "il-core-principles",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Core Charter principles (sovereign equality, peaceful settlement, non-use of force, human rights, non-intervention)",
                "text": "In considering the application of international law to State use of ICTs, the Group identified as of central importance the commitments of States to the following principles of the Charter and other international law: sovereign equality; the settlement of international disputes by peaceful means in such a manner that international peace and security and justice are not endangered; refraining in their international relations from the threat or use of force against the territorial integrity or political independence of any State, or in any other manner inconsistent with the purposes of the United Nations; respect for human rights and fundamental freedoms; and non-intervention in the internal affairs of other States.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 26"
          },
          {
            "code": "il-sovereignty",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "State sovereignty applies to ICT activities and infrastructure",
                "text": "State sovereignty and international norms and principles that flow from sovereignty apply to the conduct by States of ICT-related activities and to their jurisdiction over ICT infrastructure within their territory.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 27"
          },
          {
            "code": "il-jurisdiction",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Jurisdiction over ICT infrastructure on territory",
                "text": "States have jurisdiction over the ICT infrastructure located within their territory.",
                "status": "summary"
              }
            },
            "citation": "A/70/174, para. 28(a) (paragraph to be confirmed)"
          },
          {
            "code": "il-ihl-principles",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Principles of humanity, necessity, proportionality and distinction",
                "text": "The Group noted the established international legal principles, including, where applicable, the principles of humanity, necessity, proportionality and distinction.",
                "status": "summary"
              }
            },
            "citation": "A/70/174, para. 28(d) (paragraph to be confirmed)"
          },
          {
            "code": "il-inherent-right",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Charter in its entirety; inherent right to take measures consistent with international law",
                "text": "Application of the Charter in its entirety, including the inherent right of States to take measures consistent with international law and as recognized in the Charter (cf. Article 51 self-defence).",
                "status": "summary"
              }
            },
            "citation": "A/70/174, para. 28(c) (paragraph to be confirmed)"
          },
          {
            "code": "il-proxies",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "No use of proxies; meet obligations for internationally wrongful acts",
                "text": "States must meet their international obligations regarding internationally wrongful acts attributable to them; they must not use proxies to commit internationally wrongful acts using ICTs and should seek to ensure their territory is not used by non-State actors to commit such acts.",
                "status": "summary"
              }
            },
            "citation": "A/70/174, para. 28(e)-(f); also A/68/98 (paragraph to be confirmed)"
          },
          {
            "code": "il-human-rights",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Human rights obligations apply",
                "text": "States must comply with their obligations to respect and protect human rights and fundamental freedoms in their use of ICTs.",
                "status": "summary"
              }
            },
            "citation": "A/70/174, para. 28(b) (paragraph to be confirmed)"
          },
          {
            "code": "il-ihl-armed-conflict",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "IHL applies only in situations of armed conflict",
                "text": "The 2021 GGE noted that international humanitarian law applies only in situations of armed conflict, recalled the established principles (humanity, necessity, proportionality, distinction) and that this does not legitimize or encourage conflict.",
                "status": "summary"
              }
            },
            "citation": "A/76/135, para. 71(f) (paragraph to be confirmed)"
          },
          {
            "code": "il-norms-relationship",
            "kind": "international-law",
            "texts": {
              "en": {
                "title": "Norms do not replace or alter binding obligations",
                "text": "Voluntary, non-binding norms do not replace or alter States' obligations or rights under international law, which are binding; they provide additional specific guidance on responsible State behaviour.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. norms section (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13a",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13a",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Cooperate to increase stability and security; prevent harmful ICT practices",
                "text": "Consistent with the purposes of the United Nations, including to maintain international peace and security, States should cooperate in developing and applying measures to increase stability and security in the use of ICTs and to prevent ICT practices that are acknowledged to be harmful or that may pose threats to international peace and security.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(a)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13b",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13b",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Consider all relevant information in case of ICT incidents (attribution caution)",
                "text": "In case of ICT incidents, States should consider all relevant information, including the larger context of the event, the challenges of attribution in the ICT environment and the nature and extent of the consequences.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(b)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13c",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13c",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Do not knowingly allow territory to be used for internationally wrongful acts",
                "text": "States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(c)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13d",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13d",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Cooperate against criminal and terrorist use of ICTs",
                "text": "States should consider how best to cooperate to exchange information, assist each other, prosecute terrorist and criminal use of ICTs and implement other cooperative measures to address such threats. States may need to consider whether new measures need to be developed in this respect.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(d)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13e",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13e",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Respect human rights and privacy in ensuring secure use of ICTs",
                "text": "States, in ensuring the secure use of ICTs, should respect Human Rights Council resolutions 20/8 and 26/13 on the promotion, protection and enjoyment of human rights on the Internet, as well as General Assembly resolutions 68/167 and 69/166 on the right to privacy in the digital age, to guarantee full respect for human rights, including the right to freedom of expression.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(e)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13f",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13f",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Do not conduct or knowingly support ICT activity damaging critical infrastructure",
                "text": "A State should not conduct or knowingly support ICT activity contrary to its obligations under international law that intentionally damages critical infrastructure or otherwise impairs the use and operation of critical infrastructure to provide services to the public.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(f)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13g",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13g",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Protect own critical infrastructure from ICT threats",
                "text": "States should take appropriate measures to protect their critical infrastructure from ICT threats, taking into account General Assembly resolution 58/199 on the creation of a global culture of cybersecurity and the protection of critical information infrastructures, and other relevant resolutions.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(g)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13h",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13h",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Respond to appropriate requests for assistance / mitigation",
                "text": "States should respond to appropriate requests for assistance by another State whose critical infrastructure is subject to malicious ICT acts. States should also respond to appropriate requests to mitigate malicious ICT activity aimed at the critical infrastructure of another State emanating from their territory, taking into account due regard for sovereignty.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(h)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13i",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13i",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Ensure supply chain integrity; prevent proliferation of malicious tools and hidden functions",
                "text": "States should take reasonable steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products. States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(i)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13j",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13j",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Encourage responsible reporting of ICT vulnerabilities",
                "text": "States should encourage responsible reporting of ICT vulnerabilities and share associated information on available remedies to such vulnerabilities to limit and possibly eliminate potential threats to ICTs and ICT-dependent infrastructure.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(j)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "norm:norm-13k",
        "part": "norms",
        "elements": [
          {
            "code": "norm-13k",
            "kind": "norm",
            "texts": {
              "en": {
                "title": "Do not harm authorized emergency response teams (CERTs/CSIRTs); do not misuse them",
                "text": "States should not conduct or knowingly support activity to harm the information systems of the authorized emergency response teams (sometimes known as computer emergency response teams or cybersecurity incident response teams) of another State. A State should not use authorized emergency response teams to engage in malicious international activity.",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 13(k)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:gge2013-poc",
        "part": "cbms",
        "elements": [
          {
            "code": "gge2013-poc",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Exchange information on national points of contact",
                "text": "States should consider exchanging information on national points of contact, in order to expand and improve existing channels of communication for crisis management, and supporting the development of early warning mechanisms.",
                "status": "verbatim"
              }
            },
            "citation": "A/68/98, para. 26(b) (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:gge2015-poc-directory",
        "part": "cbms",
        "elements": [
          {
            "code": "gge2015-poc-directory",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Policy- and technical-level points of contact and a directory",
                "text": "identification of appropriate points of contact at the policy and technical levels to address serious ICT incidents and the creation of a directory of such contacts",
                "status": "verbatim"
              }
            },
            "citation": "A/70/174, para. 16(a) (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:oewg2021-poc",
        "part": "cbms",
        "elements": [
          {
            "code": "oewg2021-poc",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "National PoCs as a CBM in themselves",
                "text": "establishing national Points of Contact (PoCs) is a CBM in itself, but is also a helpful measure for the implementation of many other CBMs, and is invaluable in times of crisis.",
                "status": "verbatim"
              }
            },
            "citation": "A/75/816, para. CBM section (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-1",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-1",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Nominate national points of contact to the Global POC Directory",
                "text": "Nominate diplomatic and technical points of contact for inclusion in the Global Intergovernmental POC Directory and keep them current.",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-2",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-2",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Dialogue and exchanges of views",
                "text": "Engage in bilateral, sub-regional, regional, cross-regional and multilateral dialogue and consultations on ICT security, including on national approaches and threat perceptions.",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-3",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-3",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Voluntary sharing of national information (strategies, policies, views)",
                "text": "Voluntarily share national concept papers, strategies, policies, programmes, legislation and views (including national views on how international law applies), e.g. via the UNIDIR Cyber Policy Portal and the Secretary-General's annual report process.",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-4",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-4",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Workshops, seminars and table-top exercises",
                "text": "Encourage practical cooperative exchanges such as workshops, seminars and table-top exercises, including to exercise points of contact.",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-5",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-5",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Build on regional and sub-regional CBM experience",
                "text": "Exchange information and good practices with and among regional and sub-regional organizations on their CBM work (e.g. OSCE, ARF, OAS, AU).",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-6",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-6",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Capacity-building to support CBM implementation",
                "text": "Support capacity-building so that all States can participate in and implement CBMs, including the POC Directory.",
                "status": "summary"
              }
            },
            "citation": "A/78/265, para. Annex: initial list of voluntary global CBMs (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-7",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-7",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Protection of critical infrastructure / critical information infrastructure",
                "text": "Exchange information and good practices on protecting critical infrastructure and critical information infrastructure from ICT threats, with each State determining its own critical sectors.",
                "status": "summary"
              }
            },
            "citation": "A/79/214, para. Annex (CBMs added in 2024) (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:global-cbm-8",
        "part": "cbms",
        "elements": [
          {
            "code": "global-cbm-8",
            "kind": "cbm",
            "texts": {
              "en": {
                "title": "Public-private partnerships on ICT security",
                "text": "Promote public-private partnerships and cooperation with the private sector and other stakeholders on ICT security.",
                "status": "summary"
              }
            },
            "citation": "A/79/214, para. Annex (CBMs added in 2024) (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "cbm:poc-template",
        "part": "cbms",
        "elements": [
          {
            "code": "poc-template",
            "kind": "cbm-tool",
            "texts": {
              "en": {
                "title": "Standardized template for communication via the POC Directory",
                "text": "A voluntary standardized template to structure communications between points of contact (e.g. requests for information or assistance on an ICT incident, and acknowledgements). Listed by Diplo as a tangible outcome of the OEWG alongside the POC Directory.",
                "status": "summary"
              }
            },
            "citation": "A/80/257, para. annex (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "capacity-building",
        "part": "capacity-building",
        "elements": [
          {
            "code": "cb-principle-1",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Capacity-building should be a sustainable process with specific",
                "text": "Capacity-building should be a sustainable process with specific, purpose-driven, results-focused activities by and for different actors, supporting an open, secure, stable, accessible and peaceful ICT environment.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-2",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Capacity-building should be evidence-based",
                "text": "Capacity-building should be evidence-based, politically neutral, transparent, accountable and without conditions.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-3",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Capacity-building should be undertaken with full respect for the principle of St",
                "text": "Capacity-building should be undertaken with full respect for the principle of State sovereignty.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-4",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Access to relevant technologies may need to be facilitated.",
                "text": "Access to relevant technologies may need to be facilitated.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-5",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Capacity-building should be based on mutual trust",
                "text": "Capacity-building should be based on mutual trust, be demand-driven, correspond to nationally identified needs and priorities, and fully recognise national ownership; partners take part voluntarily.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-6",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "All parties are active partners with shared but differentiated responsibilities",
                "text": "All parties are active partners with shared but differentiated responsibilities, including to collaborate in design, execution, and monitoring and evaluation of activities.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-7",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "The confidentiality of national policies and plans should be protected and respe",
                "text": "The confidentiality of national policies and plans should be protected and respected by all partners.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-8",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "Capacity-building should respect human rights and fundamental freedoms",
                "text": "Capacity-building should respect human rights and fundamental freedoms, be gender-sensitive and inclusive, universal and non-discriminatory.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          },
          {
            "code": "cb-principle-9",
            "kind": "capacity-building-principle",
            "texts": {
              "en": {
                "title": "The confidentiality of sensitive information should be ensured.",
                "text": "The confidentiality of sensitive information should be ensured.",
                "status": "summary"
              }
            },
            "citation": "A/75/816, para. 56 (paragraph to be confirmed)"
          }
        ],
        "recommendations": []
      },
      {
        "key": "contacts",
        "part": "contacts",
        "elements": [],
        "recommendations": []
      }
    ]
  },
  "can": {
    "startReport": false
  }
};
