// Extension client: written next.
export function activate(): void {}
export function deactivate(): void {}
