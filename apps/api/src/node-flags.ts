/**
 * How every api process is started: `npm start`, the Docker image, `npm run cluster` and the
 * bench. node-flags.spec.ts checks that package.json and the Dockerfile say the same. Why, with
 * the figures: docs/performance.md (Memory) and docs/decisions.md.
 *
 * --max-semi-space-size=8: V8's young generation, where each request's short-lived objects are
 * born, grows under load up to two semi-spaces of 16 MiB by default (64-bit Node 20). At 8 MiB,
 * scavenges come twice as often, but each copies only what is still alive, which for an api is
 * little; under the deadline surge the heap stayed about 40 MB smaller.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (libuv's pool, the PDF inspection
 * workers) an arena of its own, up to eight per core, and memory freed in one is rarely given back
 * to the system. Two arenas keep what those threads leave behind from piling up. Read by glibc when
 * the process starts, so it is set in the environment of the process, not by the process itself.
 *
 * MALLOC_MMAP_THRESHOLD_=1048576: glibc serves a block of 1 MiB or more with a mapping of its own,
 * given back to the system when freed. By default the threshold moves up (to 32 MiB at most) each
 * time such a block is freed, so after the first password hash (argon2id's 19 MiB) or PDF read,
 * the next ones come from the arenas and stay in the process after they are freed; setting it
 * also keeps glibc's trimming of the arenas' free tops at its default (128 KiB) instead of
 * letting it grow with the threshold. The api's requests allocate nothing that large. Under the
 * deadline surge (one bench run each at 5,000 applications) the peak with 50 uploads fell from 374
 * to 250 MB, and with 550 sign-ins from 423 to 264 MB (docs/performance.md, Memory).
 */
export const API_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '1048576' };
