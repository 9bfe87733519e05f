namespace ReproSpecs.Harness.Training;

