using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>Every table and figure orders architectures, arms and hypotheses the study's way, whatever the registry holds.</summary>
public class StudyOrderTests
{
    [Fact]
    public void Architectures_sort_in_study_order_registered_or_not_then_by_name()
    {
        string[] names = ["zeta", "nanotransformer", "hybridlm", "convlm", "minigpt", "tinylstm", "charlm", "alpha"];
        names.Order(StudyOrder.Models).ShouldBe(["charlm", "tinylstm", "minigpt", "convlm", "hybridlm", "nanotransformer", "alpha", "zeta"]);
    }

    [Fact]
    public void The_registry_order_is_used_once_it_holds_every_study_architecture()
    {
        bool all = StudyOrder.StudyArchitectures.All(ModelRegistry.Names.Contains);
        StudyOrder.Architectures.ShouldBe(all ? ModelRegistry.Names : StudyOrder.StudyArchitectures);
        StudyOrder.Architectures.Take(6).Order(StudyOrder.Models).ShouldBe(StudyOrder.Architectures.Take(6));
    }

    [Fact]
    public void Arms_run_from_one_source_varied_to_all_then_none()
    {
        StudyOrder.Arms.Select(SeedArms.Name).ShouldBe(["init", "data", "dropout", "all", "same"]);
        StudyOrder.Arms.ShouldBe(SeedArms.All, ignoreOrder: true);
    }

    [Fact]
    public void Hypotheses_sort_by_number_keeping_the_files_order_within_a_number_and_families_put_H3_last()
    {
        string[] ids = ["charlm/H1[gelu]", "charlm/H1[pooled]", "charlm/H4[loss]", "charlm/H4[accuracy]", "charlm/H2"];
        ids.OrderBy(x => x, StudyOrder.Hypotheses).ShouldBe(["charlm/H1[gelu]", "charlm/H1[pooled]", "charlm/H2", "charlm/H4[loss]", "charlm/H4[accuracy]"]);
        string[] families = ["H3", "minigpt", "charlm", "other"];
        families.Order(StudyOrder.Families).ShouldBe(["charlm", "minigpt", "other", "H3"]);
    }
}
