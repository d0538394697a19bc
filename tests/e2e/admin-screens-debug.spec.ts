import { test } from './support/fixtures';
test('debug', async ({ page, signIn }) => {
  await signIn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.getByTestId('nav-organizations').click();
  await page.waitForTimeout(9000);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: {
        id: number;
        callFrame: { functionName: string; url: string; lineNumber: number };
        children?: number[];
      }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const callers = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== 'getBoundingClientRect') continue;
    let chain = '';
    let cur = parent.get(node.id);
    for (let d = 0; d < 6 && cur; d++) {
      const n = nodes.get(cur)!;
      chain +=
        ' < ' +
        n.callFrame.functionName +
        '@' +
        n.callFrame.url.split('/').pop() +
        ':' +
        n.callFrame.lineNumber;
      cur = parent.get(cur);
    }
    callers.set(chain, (callers.get(chain) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.log(
    [...callers]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `GBCR ${Math.round(v / 1000)}ms ${k}`)
      .join('\n'),
  );
  console.log(
    [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${Math.round(v / 1000)}ms ${k}`)
      .join('\n'),
  );
});
