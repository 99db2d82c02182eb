// LSP adapter: written next (placeholder so the build runs).
export {};
