// The build orchestration (articles → store).
export { buildGraph, ValidationError, type BuildOptions, type BuildPhase, type BuildProgress, type BuildResult, type FailedFile } from "./build.ts";
export { validateStore } from "./validate.ts";
