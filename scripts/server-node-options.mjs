// The node options the platform runs with: npm start, and the bench, which measures what npm start runs.
// Decided from measurements (README, "Memory and start-up"):
// --liftoff-only: the embedded database (PGlite) is PostgreSQL compiled to a 9 MB WebAssembly module.
//   V8 compiles it with its baseline compiler (Liftoff), then again with its optimising one (TurboFan)
//   for the functions it finds hot, on background threads whose working memory stays with the process
//   (~45 MB more resident, and ~1 s more to open the database). Liftoff's code served the platform's
//   queries as fast in our runs. It changes nothing else: JavaScript is still optimised as always, and
//   on PostgreSQL there is no WebAssembly to compile.
// --optimize-for-size: V8 lets the heap grow less between full collections. Under 50 connections the
//   platform's heap grew to 110-140 MB used though only 43-55 MB of it was live (a full collection brings it
//   back): garbage of answered requests. With the option the highest RSS fell by ~30-45 MB on both
//   databases, with no loss of throughput on the API's reads. Allocation-heavy work pays for it (session
//   10, bench/RESULTS.md): the capacity ranking's cold p95 is 89 ms with it, 43 ms without; but without it
//   the API bench peaks at 388 MB on PGlite and 211 MB on PostgreSQL (targets 300 and 200), and
//   --heap-growing-percent=25 in its place gave 70 ms and 352 MB. Making the ranking allocate less is the fix.
export const NODE_OPTIONS_FOR_SERVER = ['--liftoff-only', '--optimize-for-size'];
