// LibTorch's random generator is process-wide: a network built in a parallel test would draw from it
// between a trainer's manual_seed and its weight initialisation, and break the seeded tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
