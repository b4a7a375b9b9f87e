import { IntegrationCall, instrumentPort } from './port-instrumentation';

class FakeGateway {
  constructor(private readonly answer: unknown) {}
  async send(n: number): Promise<unknown> {
    if (n < 0) throw new Error(`refused ${n}`);
    return this.answer;
  }
  untouched(): string {
    return 'x';
  }
}

describe('instrumentPort: one wrapper records every call to a national system', () => {
  function setup(answer: unknown) {
    const calls: IntegrationCall[] = [];
    let t = 0;
    const port = new FakeGateway(answer);
    instrumentPort(
      port,
      'portal',
      ['send'],
      (c) => calls.push(c),
      () => (t += 7),
    );
    return { port, calls };
  }

  it('records a resolved call as a success with its duration and passes the result through', async () => {
    const { port, calls } = setup({ ok: true, status: 200 });
    await expect(port.send(1)).resolves.toEqual({ ok: true, status: 200 });
    expect(calls).toEqual([expect.objectContaining({ system: 'portal', operation: 'send', ok: true, durationMs: 7 })]);
  });

  it('records a reported delivery failure ({ok: false}) with its error, and a thrown error, which still propagates', async () => {
    const { port, calls } = setup({ ok: false, error: 'HTTP 503: busy' });
    await expect(port.send(1)).resolves.toEqual({ ok: false, error: 'HTTP 503: busy' });
    await expect(port.send(-2)).rejects.toThrow('refused -2');
    expect(calls.map((c) => [c.ok, c.error])).toEqual([
      [false, 'HTTP 503: busy'],
      [false, 'refused -2'],
    ]);
  });

  it('wraps an instance once, leaves other methods alone and refuses a method the port does not have', async () => {
    const calls: IntegrationCall[] = [];
    const port = new FakeGateway(null);
    instrumentPort(port, 'eid', ['send'], (c) => calls.push(c));
    instrumentPort(port, 'eid', ['send'], (c) => calls.push(c));
    await port.send(1);
    expect(port.untouched()).toBe('x');
    expect(calls).toHaveLength(1);
    expect(() => instrumentPort(new FakeGateway(null), 'eid', ['nope'], () => undefined)).toThrow('no method nope');
  });
});
