/**
 * @module
 * Test helpers other packages' tests reuse (`@klastry/api/testing`): the Redis of the shared
 * rate-limit tests and whether to run, skip or fail without it.
 */
export { REDIS_TEST_URL, describeWithRedis } from "./redis.ts";
