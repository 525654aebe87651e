import type { Draft, Outcome } from '../../src/features/drafts/queries';

/** An adopted outcome and a draft under negotiation (with one amendment), as the API gives them (taken from the demo data). */
export const outcome: Outcome = {
  "id": "c824fa1d-8af5-4a6e-a030-f7e4b9ac2cf4",
  "symbol": "PoA/2026/REC.1",
  "kind": "recommendation",
  "title": "Recommendations on the protection of critical infrastructure",
  "paragraphs": [
    {
      "key": "25fe3cf7",
      "kind": "preambular",
      "text": "Recalling norms 13(f) and 13(g) of the 2015 report of the Group of Governmental Experts (A/70/174),",
      "label": "PP1"
    },
    {
      "key": "e3e68e6f",
      "kind": "operative",
      "text": "Recommends that States identify and designate the critical infrastructure they consider as such;",
      "label": "OP1"
    },
    {
      "key": "df5cea72",
      "kind": "operative",
      "text": "Encourages States to share, on a voluntary basis, their national approaches to protecting critical infrastructure, including through regional organisations.",
      "label": "OP2"
    }
  ],
  "contentHash": "18eaa75ebafb93615be5e553fab06aedaf9417e64d613a940d7c534f450bc44e",
  "verification": {
    "recomputedHash": "18eaa75ebafb93615be5e553fab06aedaf9417e64d613a940d7c534f450bc44e",
    "recordedHash": "18eaa75ebafb93615be5e553fab06aedaf9417e64d613a940d7c534f450bc44e",
    "auditEvent": 39,
    "checkpoint": {
      "seq": 40,
      "hash": "29ac07c6d6f8972ac8259e47382ce9275eb7af53e04326b50729846ae13b0b41",
      "at": "2026-12-07T04:37:12.779Z",
      "keyId": "13e95df8e4247fa84b5f4dd99b4666c4abc779f1ad1b66fcb5c48b81d5e1c731",
      "signature": "6Xexxhh6tVcyEpeO7fu1DrmcH/GnFQzzCLlrGVxJSnZwhBEHd31tCyij6t7yTCHBKeUapubCJvLrjCWiYk24Dg=="
    },
    "provenanceIntact": true,
    "intact": true
  },
  "transmission": null,
  "adoptedAt": "2026-12-07T04:37:12.447Z",
  "adoptedVia": "silence",
  "meetingId": null,
  "implementsCodes": [
    "norm-13f",
    "norm-13g"
  ],
  "draftId": "3c6b68ab-a823-4849-96fe-3f6312089b80",
  "revisions": [
    {
      "number": 0,
      "label": "Zero draft",
      "issuedAt": "2026-12-07T04:37:05.383Z",
      "contentHash": "0f94142a8f1bcf53c929ef3953a236faba58eda530a1a5d4ce772700012191b3",
      "takesUp": [],
      "note": null
    },
    {
      "number": 1,
      "label": "Rev.1",
      "issuedAt": "2026-12-07T04:37:06.206Z",
      "contentHash": "18eaa75ebafb93615be5e553fab06aedaf9417e64d613a940d7c534f450bc44e",
      "takesUp": [
        "143acd70-3f9a-4780-9125-53f4491d0d66"
      ],
      "note": "Takes up the amendment proposed by Kenya, co-sponsored by Chile."
    }
  ],
  "amendments": [
    {
      "id": "143acd70-3f9a-4780-9125-53f4491d0d66",
      "revision": 0,
      "proposerState": "KEN",
      "sponsors": [
        "KEN",
        "CHL"
      ],
      "action": "replace",
      "paragraphKey": "df5cea72",
      "paragraphKind": null,
      "text": "Encourages States to share, on a voluntary basis, their national approaches to protecting critical infrastructure, including through regional organisations.",
      "reason": "Regional organisations are where much of this sharing already happens.",
      "status": "proposed",
      "takenUpIn": 1,
      "createdAt": "2026-12-07T04:37:05.562Z"
    }
  ],
  "adoptionProposals": [],
  "silenceProcedures": [
    {
      "id": "ee971078-d2b2-4ede-acfe-778842355f5b",
      "revision": 0,
      "status": "broken",
      "deadlineAt": "2026-12-10T04:37:00.000Z",
      "deadlineZone": "America/New_York",
      "deadlineLocal": "2026-12-09T23:37-05:00",
      "openedAt": "2026-12-07T04:37:05.721Z",
      "closedAt": "2026-12-07T04:37:05.903Z",
      "breaks": [
        {
          "state": "FRA",
          "reason": "OP2 should reflect the regional dimension proposed by Kenya.",
          "at": "2026-12-07T04:37:05.903Z"
        }
      ]
    },
    {
      "id": "c2042672-8d05-475a-a67d-da02616455b7",
      "revision": 1,
      "status": "adopted",
      "deadlineAt": "2026-12-07T04:37:08.000Z",
      "deadlineZone": "UTC",
      "deadlineLocal": "2026-12-07T04:37:08+00:00",
      "openedAt": "2026-12-07T04:37:06.267Z",
      "closedAt": "2026-12-07T04:37:12.425Z",
      "breaks": []
    }
  ],
  "explanations": [],
  "supersedes": null,
  "supersededBy": null,
  "actingFor": null,
  "can": {
    "explain": false
  }
};

export const draft: Draft = {
  "id": "379a90b6-6a23-4525-ae0c-bb4912970cee",
  "title": "Recommendations on keeping the global directory of points of contact up to date",
  "body": "9690e1db-200c-4874-8ca5-97ba319b7611",
  "kind": "recommendation",
  "status": "negotiating",
  "implementsCodes": [
    "global-cbm-1"
  ],
  "frameworkEffects": [],
  "transmittedAt": null,
  "transmission": null,
  "revisions": [
    {
      "number": 0,
      "label": "Zero draft",
      "issuedAt": "2026-12-07T04:37:16.738Z",
      "contentHash": "cb21f363fea46adfb4d76515384ea0d7d0dc99a7121dcb335df3d958bca86298",
      "takesUp": [],
      "note": null
    }
  ],
  "latest": {
    "number": 0,
    "label": "Zero draft",
    "contentHash": "cb21f363fea46adfb4d76515384ea0d7d0dc99a7121dcb335df3d958bca86298",
    "paragraphs": [
      {
        "key": "dd394a30",
        "kind": "preambular",
        "text": "Recalling the establishment of the global, intergovernmental points of contact directory,",
        "label": "PP1",
        "amendments": []
      },
      {
        "key": "a463b70d",
        "kind": "operative",
        "text": "Recommends that States review their diplomatic and technical points of contact at least once a year;",
        "label": "OP1",
        "amendments": []
      },
      {
        "key": "62abf972",
        "kind": "operative",
        "text": "Recommends that States answer communication checks within the time agreed in the directory.",
        "label": "OP2",
        "amendments": [
          {
            "id": "aeb1728d-aef2-4150-9026-51d821a2ec4e",
            "revision": 0,
            "proposerState": "FRA",
            "sponsors": [
              "FRA"
            ],
            "action": "replace",
            "paragraphKey": "62abf972",
            "paragraphKind": null,
            "text": "Recommends that States answer communication checks within the time agreed in the directory, and inform the Secretariat when they cannot.",
            "reason": "A check that goes unanswered should not be left without explanation.",
            "status": "proposed",
            "takenUpIn": null,
            "createdAt": "2026-12-07T04:37:16.794Z",
            "can": {
              "cosponsor": false
            }
          }
        ]
      }
    ]
  },
  "unplaced": [],
  "silenceProcedures": [],
  "adoptionProposals": [],
  "outcome": null,
  "actingFor": null,
  "can": {
    "issueRevision": false,
    "proposeAmendment": false,
    "breakSilence": false,
    "transmit": false,
    "proposeAdoption": false,
    "openSilenceProcedure": false
  }
};
