// Tests import the engine through this one module (the compiled server project).
export * from '../../server/src/engine/index';
