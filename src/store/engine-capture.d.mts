export interface CapturedEngine {
  memory: WebAssembly.Memory;
  table: WebAssembly.Table;
  fresh?: { bytes: number; tableLength: number; digest: string };
}
export declare function captureOxigraphEngine(): void;
export declare function capturedOxigraphEngine(): CapturedEngine | undefined;
export declare function sameAsFresh(engine: CapturedEngine): boolean;
