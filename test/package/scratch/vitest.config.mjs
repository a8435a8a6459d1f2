export default { test: { include: ['*.test.mjs'], globals: true, testTimeout: 30000 } };
