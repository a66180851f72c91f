export { allocateStock, fairFloor, SHIPMENT_EPSILON, type AllocationResult, type Shipment } from './allocate.ts';
export { allocationInputSchema, checkAllocationInput, type AllocationInput, type CheckedAllocationInput } from './input.ts';
