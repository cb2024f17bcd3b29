export * from './floor';
