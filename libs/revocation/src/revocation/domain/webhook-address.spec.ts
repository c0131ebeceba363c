import { classifyAddress, refusedAddressProblem, webhookUrlRefusal } from './webhook-address';

describe('webhook address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:192.168.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['::10.0.0.1', 'reserved'],
  ])('Given %s, then it is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('Given the public address %s, then it is public', (address) => {
    expect(classifyAddress(address)).toBe('public');
  });

  it.each(['', 'example.com', '256.0.0.1', '1.2.3', '1::2::3', 'fe80::g', '1:2:3:4:5:6:7:8:9', '1.2.3.4::'])(
    'Given %j, then it is not an address',
    (text) => {
      expect(classifyAddress(text)).toBe('invalid');
    },
  );
});

describe('refusedAddressProblem', () => {
  const strict = { allowLocal: false };

  it('Given only public addresses, then nothing is refused', () => {
    expect(refusedAddressProblem(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'], strict)).toBeUndefined();
  });

  it('Given one private address among public ones, then the host is refused (any of them could be used)', () => {
    expect(refusedAddressProblem(['93.184.215.14', '10.0.0.5'], strict)).toBe('the host resolves to a private address');
    expect(refusedAddressProblem(['::1'], strict)).toBe('the host resolves to a loopback address');
  });

  it('Given local webhooks allowed, then loopback and private addresses pass', () => {
    expect(refusedAddressProblem(['127.0.0.1', '10.0.0.5'], { allowLocal: true })).toBeUndefined();
  });

  it('Given no address at all, then the host is refused either way', () => {
    expect(refusedAddressProblem([], strict)).toEqual(expect.any(String));
    expect(refusedAddressProblem([], { allowLocal: true })).toEqual(expect.any(String));
  });
});

describe('webhookUrlRefusal', () => {
  const strict = { allowLocal: false };
  const local = { allowLocal: true };

  it('Given an https URL, then the URL itself is acceptable (its addresses are checked after resolution)', () => {
    expect(webhookUrlRefusal('https://hooks.example.co.jp/infobank?x=1', strict)).toBeUndefined();
  });

  it('Given plain http, then it is refused unless local webhooks are allowed and the host is loopback', () => {
    expect(webhookUrlRefusal('http://hooks.example.com/infobank', strict)).toMatch(/https/);
    expect(webhookUrlRefusal('http://hooks.example.com/infobank', local)).toMatch(/https/);
    expect(webhookUrlRefusal('http://127.0.0.1:8080/hook', strict)).toMatch(/https/);
    expect(webhookUrlRefusal('http://127.0.0.1:8080/hook', local)).toBeUndefined();
    expect(webhookUrlRefusal('http://localhost:8080/hook', local)).toBeUndefined();
    expect(webhookUrlRefusal('http://[::1]:8080/hook', local)).toBeUndefined();
    expect(webhookUrlRefusal('http://10.0.0.1/hook', local)).toMatch(/https/);
  });

  it('Given another scheme, credentials or no URL, then it is refused', () => {
    expect(webhookUrlRefusal('ftp://hooks.example.com/', strict)).toMatch(/https/);
    expect(webhookUrlRefusal('https://user:secret@hooks.example.com/', strict)).toBe('the URL carries credentials');
    expect(webhookUrlRefusal('hooks.example.com/infobank', strict)).toBe('not an absolute URL');
  });
});
