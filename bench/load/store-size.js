// A store's size as bench/soap.sh's tables print it: "1,000,000", or "0 (store 2)" for the second store of a size that
// SIZES names twice (its key is "0_2").
'use strict';

module.exports = (key) => {
  const [accounts, store] = String(key).split('_');
  return Number(accounts).toLocaleString('en-US') + (store ? ` (store ${store})` : '');
};

if (require.main === module) console.log(module.exports(process.argv[2]));
