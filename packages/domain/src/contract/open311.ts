// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the JSON answers under /open311/v2/, in the
// specification's own shapes (snake_case, lists at the top level). The XML answers carry the same fields.
import { z } from 'zod';

const isoTime = z.string().describe('W3C date-time, +08:00');

/** `GET /open311/v2/discovery.json`: where the endpoint is and what it speaks. */
export const Open311Discovery = z
  .object({
    changeset: isoTime,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: isoTime,
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()),
      }),
    ),
  })
  .meta({
    example: {
      changeset: '2026-11-22T00:00:00+08:00',
      contact: '南通市海门区社会治理现代化指挥中心',
      key_service: '请联系区指挥中心系统管理员申请 api_key',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://gongzhi.example.cn/open311/v2',
          changeset: '2026-11-22T00:00:00+08:00',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    },
  });

/** One service: a leaf of the catalogue (service codes are catalogue codes). */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean().describe('true when the service has attributes (GET services/{service_code})'),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string().describe('comma-separated'),
  group: z.string(),
});

/** `GET /open311/v2/services.json`. */
export const Open311Services = z.array(Open311Service).meta({
  example: [{ service_code: 'B0110', service_name: '路灯损坏', description: '市政设施 / 路灯损坏', metadata: false, type: 'realtime', keywords: '路灯,不亮', group: '市政设施' }],
});

/** `GET /open311/v2/services/{service_code}.json`: the service's extra attributes (none here: `metadata` is false). */
export const Open311ServiceDefinition = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string(),
        order: z.number().int(),
        description: z.string(),
        values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
      }),
    ),
  })
  .meta({ example: { service_code: 'B0110', attributes: [] } });

/** One service request: a case as GeoReport sees it. */
export const Open311Request = z.object({
  service_request_id: z.string().describe('the case code'),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: isoTime.nullable(),
  updated_datetime: isoTime.nullable(),
  expected_datetime: isoTime.nullable().describe('the deadline; null without one'),
  address: z.string(),
  address_id: z.string(),
  zipcode: z.string(),
  lat: z.union([z.number(), z.literal('')]).describe('WGS84; empty without a point'),
  long: z.union([z.number(), z.literal('')]),
  media_url: z.string().describe('the first photo (a signed link, one day), or empty'),
});

/** `GET /open311/v2/requests.json` and `GET /open311/v2/requests/{service_request_id}.json`. */
export const Open311Requests = z.array(Open311Request).meta({
  example: [
    {
      service_request_id: 'HM202612040000123',
      status: 'open',
      status_notes: '已派遣',
      service_name: '路灯损坏',
      service_code: 'B0110',
      description: '状元街3幢门口的路灯晚上不亮',
      agency_responsible: '海门区城市管理局',
      service_notice: '',
      requested_datetime: '2026-12-04T09:12:30+08:00',
      updated_datetime: '2026-12-04T10:05:00+08:00',
      expected_datetime: '2026-12-07T09:12:30+08:00',
      address: '状元街3幢',
      address_id: '',
      zipcode: '',
      lat: 31.871,
      long: 121.181,
      media_url: '',
    },
  ],
});

/** `POST /open311/v2/requests.json` (201): the new request's id, and its token. */
export const Open311Created = z
  .array(
    z.object({
      service_request_id: z.string(),
      token: z.string(),
      service_notice: z.string(),
      account_id: z.string(),
    }),
  )
  .meta({ example: [{ service_request_id: 'HM202612040000123', token: '0b6f0c1e-3f7a-4c1e-9a43-5b1d2f0c9e11', service_notice: '已受理登记，可凭 service_request_id 查询办理进度', account_id: '' }] });

/** `GET /open311/v2/tokens/{token}.json`: the request a token stands for. */
export const Open311Tokens = z
  .array(z.object({ service_request_id: z.string(), token: z.string() }))
  .meta({ example: [{ service_request_id: 'HM202612040000123', token: '0b6f0c1e-3f7a-4c1e-9a43-5b1d2f0c9e11' }] });

/** Every error under /open311/v2/: GeoReport's list of `{code, description}`, `code` being the HTTP status. */
export const Open311Errors = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'Open311Errors', example: [{ code: 404, description: 'service_request_id HM202612040000999 not found' }] });

export type Open311Discovery = z.infer<typeof Open311Discovery>;
export type Open311Service = z.infer<typeof Open311Service>;
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;
export type Open311Request = z.infer<typeof Open311Request>;
export type Open311Created = z.infer<typeof Open311Created>;
export type Open311Tokens = z.infer<typeof Open311Tokens>;
export type Open311Errors = z.infer<typeof Open311Errors>;
