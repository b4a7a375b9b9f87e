/**
 * Bench-only stand-ins for the external systems, in the bench process (not in the service):
 * - the population and social-insurance registries of docs/registries.md, synthesising a consistent record for any
 *   personal ID (the sandbox knows ~50 residents; the filing bench needs thousands of distinct citizens);
 * - a national-portal receiver that accepts every status event (PORTAL_SYNC_URL), so the outbox worker of the
 *   service talks to something outside its own process, as in production.
 * The service is pointed at it with POPULATION_REGISTRY_URL / INSURANCE_REGISTRY_URL / PORTAL_SYNC_URL.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thành', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Bích', 'Kim', 'Mỹ'];
const GIVEN_M = ['Hùng', 'Dũng', 'Khoa', 'Long', 'Phúc', 'Tuấn', 'Hải', 'Sơn', 'Thắng', 'Quân', 'Việt'];
const GIVEN_F = ['Lan', 'Hương', 'Tuyết', 'Hạnh', 'Ánh', 'Trang', 'Thảo', 'Nhung', 'Yến', 'Dung', 'Oanh'];
const COMMUNES = [
  { communeCode: '75001', communeName: 'Phường Trấn Biên' },
  { communeCode: '75004', communeName: 'Phường Biên Hòa' },
  { communeCode: '75010', communeName: 'Phường Long Bình' },
  { communeCode: '75020', communeName: 'Phường Tam Hiệp' },
];
const EMPLOYERS = [
  { employerName: 'Công ty TNHH Điện tử Biên Hòa', employerTaxCode: '3600123456' },
  { employerName: 'Công ty Cổ phần May Đồng Nai', employerTaxCode: '3600987654' },
  { employerName: 'Công ty TNHH Giày da Tam Hiệp', employerTaxCode: '3601234567-001' },
];

/** Personal ID of the i-th bench citizen: Đồng Nai birth code 075, born 1980–1999, unique serial (i < 1,000,000). */
export function benchPersonalId(i: number): string {
  const female = i % 2;
  const yy = 80 + (Math.floor(i / 2) % 20);
  return `075${female}${yy}${String(i).padStart(6, '0')}`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h >>> 0;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

export function syntheticPopulation(personalId: string) {
  const h = hash(personalId);
  const female = Number(personalId[3]) % 2 === 1;
  const year = 1900 + 100 * Math.floor(Number(personalId[3]) / 2) + Number(personalId.slice(4, 6));
  const month = 1 + (h % 12);
  const day = 1 + ((h >>> 4) % 28);
  const fullName = [
    pick(FAMILY, h >>> 3),
    pick(female ? MIDDLE_F : MIDDLE_M, h >>> 7),
    pick(female ? GIVEN_F : GIVEN_M, h >>> 11),
  ].join(' ');
  const commune = pick(COMMUNES, h >>> 13);
  const address = {
    line: `Số ${1 + (h % 200)}, đường Phạm Văn Thuận, khu phố ${1 + ((h >>> 8) % 9)}`,
    ...commune,
    provinceCode: '75',
    provinceName: 'Tỉnh Đồng Nai',
  };
  return {
    personalId,
    fullName,
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex: female ? 'female' : 'male',
    nationality: 'Việt Nam',
    permanentAddress: address,
    currentAddress: address,
    idCardIssueDate: '2021-03-15',
  };
}

/** 36 months of contributions, the last one the month before `terminationDate`'s month (one employer). */
export function syntheticInsurance(personalId: string, terminationDate: string) {
  const h = hash(personalId);
  const employer = pick(EMPLOYERS, h >>> 5);
  const salary = 6_000_000 + (h % 40) * 250_000;
  const [y, m] = terminationDate.split('-').map(Number);
  const contributions = [];
  for (let back = 36; back >= 1; back--) {
    const index = y * 12 + (m - 1) - back;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    contributions.push({ month, salary, ...employer, zone: 'I' });
  }
  return {
    personalId,
    socialInsuranceNumber: personalId,
    salaryRegime: 'employer',
    contributions,
    usedMonths: [],
    reservedMonths: 0,
  };
}

export interface StubServer {
  url: string;
  counts: { population: number; insurance: number; portal: number };
  close(): Promise<void>;
}

/** One HTTP server for both registries (`/v1/citizens/:id`, `/v1/insured/:id`) and the portal receiver. */
export async function startRegistryStub(terminationDate: string): Promise<StubServer> {
  const counts = { population: 0, insurance: 0, portal: 0 };
  const send = (res: ServerResponse, status: number, body: unknown, requestId?: string) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...(requestId ? { 'x-request-id': requestId } : {}),
    });
    res.end(text);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined;
    const url = req.url ?? '';
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => {
        counts.portal++;
        send(res, 200, { accepted: true }, requestId);
      });
      return;
    }
    const citizen = /^\/v1\/citizens\/(\d{12})$/.exec(url);
    if (citizen) {
      counts.population++;
      return send(res, 200, syntheticPopulation(citizen[1]), requestId);
    }
    const insured = /^\/v1\/insured\/(\d{12})$/.exec(url);
    if (insured) {
      counts.insurance++;
      return send(res, 200, syntheticInsurance(insured[1], terminationDate), requestId);
    }
    send(res, 404, { type: 'about:blank', title: 'Not Found', status: 404 }, requestId);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
