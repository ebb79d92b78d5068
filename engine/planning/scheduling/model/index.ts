export { compileShop, type CompiledShop } from './compile-shop.js';
export type {
  FrozenPlacement,
  MachineAlternative,
  OperationRef,
  Precedence,
  Schedule,
  ScheduledOperation,
  ShopJob,
  ShopModel,
  ShopOperation,
} from './shop-model.js';
