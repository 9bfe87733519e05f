using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Sections;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>The methods section's statements about the study's architectures hold for the built models.</summary>
public sealed class MethodsSectionTests
{
    [Fact]
    public void The_full_profile_parameter_counts_beside_the_studys_claim_are_the_formulas()
    {
        MethodsSection.FullProfileParameters.Keys.ShouldBe(StudyDesign.Study.ArchitectureNames, ignoreOrder: true);
        foreach (var (model, count) in MethodsSection.FullProfileParameters)
            count.ShouldBe(ModelRegistry.Get(model).ExpectedParameters(ModelConfigs.For(Profiles.Full, "relu")), model);
    }
}
