// The JSON Schema of a periodic report's JSON. `periodic-report.schema.json` beside it is the published copy
// (a test keeps the two equal); this module is what the app serves, since the build copies no JSON files.

/** The published JSON Schema of a report's JSON (served at `/v1/reports/schema.json`). */
export const PERIODIC_REPORT_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://infobank.example/schemas/periodic-report-1.json',
  title: 'Infobank periodic report to the data ethics board (定期報告)',
  description:
    'One calendar month in Japan time. Counts, codes and organisation ids only; no individual appears. Signed by the bank as a compact JWS (typ periodic-report+jwt) whose payload is this document.',
  type: 'object',
  additionalProperties: false,
  required: ['$schema', 'reportId', 'period', 'from', 'to', 'generatedAt', 'tables', 'absent'],
  properties: {
    $schema: {
      const: 'https://infobank.example/schemas/periodic-report-1.json',
    },
    reportId: {
      type: 'string',
      format: 'uuid',
    },
    period: {
      type: 'string',
      pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
    },
    from: {
      type: 'string',
      format: 'date-time',
    },
    to: {
      type: 'string',
      format: 'date-time',
    },
    generatedAt: {
      type: 'string',
      format: 'date-time',
    },
    tables: {
      type: 'object',
      additionalProperties: false,
      required: [
        'offerReviews',
        'stopUseOrders',
        'consents',
        'provisions',
        'transfers',
        'denialReasons',
        'notices',
        'overdueRecipients',
        'logVerifications',
        'boardCompositionWarnings',
      ],
      properties: {
        offerReviews: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['outcome', 'count'],
            properties: {
              outcome: {
                type: 'string',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
        stopUseOrders: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['event', 'targetType', 'count'],
            properties: {
              event: {
                type: 'string',
              },
              targetType: {
                type: 'string',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
        consents: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['event', 'source', 'count'],
            properties: {
              event: {
                type: 'string',
              },
              source: {
                type: 'string',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
        provisions: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['recipientId', 'recipientName', 'purposeCode', 'provisions', 'individuals', 'records'],
            properties: {
              recipientId: {
                type: 'string',
              },
              recipientName: {
                type: ['string', 'null'],
              },
              purposeCode: {
                type: 'string',
              },
              provisions: {
                type: 'integer',
              },
              individuals: {
                type: 'integer',
              },
              records: {
                type: 'integer',
              },
            },
          },
        },
        transfers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['status', 'count'],
            properties: {
              status: {
                type: 'string',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
        denialReasons: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['reason', 'count'],
            properties: {
              reason: {
                type: 'string',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
        notices: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'issued', 'attested', 'overdue', 'medianMinutesToAttest', 'p95MinutesToAttest'],
            properties: {
              kind: {
                type: 'string',
              },
              issued: {
                type: 'integer',
              },
              attested: {
                type: 'integer',
              },
              overdue: {
                type: 'integer',
              },
              medianMinutesToAttest: {
                type: ['number', 'null'],
              },
              p95MinutesToAttest: {
                type: ['number', 'null'],
              },
            },
          },
        },
        overdueRecipients: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['recipientId', 'recipientName', 'overdueNotices'],
            properties: {
              recipientId: {
                type: 'string',
              },
              recipientName: {
                type: ['string', 'null'],
              },
              overdueNotices: {
                type: 'integer',
              },
            },
          },
        },
        logVerifications: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['verificationId', 'trigger', 'status', 'toSize', 'failureCount', 'completedAt'],
            properties: {
              verificationId: {
                type: 'string',
              },
              trigger: {
                type: 'string',
              },
              status: {
                type: 'string',
              },
              toSize: {
                type: 'integer',
              },
              failureCount: {
                type: 'integer',
              },
              completedAt: {
                type: ['string', 'null'],
              },
            },
          },
        },
        boardCompositionWarnings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'message'],
            properties: {
              code: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
        },
      },
    },
    absent: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['section', 'reason'],
        properties: {
          section: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
        },
      },
    },
  },
} as const;
