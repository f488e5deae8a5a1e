import fc from 'fast-check';
const tokens = Array.from({ length: 200 }, (_, i) => `t${i}`);
const r = fc.check(fc.property(fc.subarray(tokens), (sub) => { if (sub.includes('t17') && sub.includes('t150')) throw new Error('boom'); }), { examples: [[tokens]], numRuns: 1 , seed: 1});
console.log(r.failed, r.numShrinks, JSON.stringify(r.counterexample));
