using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
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
    public void The_order_is_the_study_designs_and_the_registry_binds_exactly_its_names()
    {
        StudyOrder.Architectures.ShouldBe(StudyDesign.Study.ArchitectureNames);
        StudyDesign.Study.ArchitectureNames.ShouldAllBe(n => ModelRegistry.Names.Contains(n));
        StudyDesign.Study.ActivationNames.ShouldAllBe(n => ActivationRegistry.Contains(n));
        foreach (var info in StudyDesign.Study.Activations) ActivationRegistry.Get(info.Name).Info.ShouldBe(info, "the registry binds the design's entry, not a copy of it");
        foreach (var info in StudyDesign.Study.Architectures) ModelRegistry.Get(info.Name).Info.ShouldBe(info);
    }

    [Fact]
    public void A_cells_recorded_names_win_over_the_design_and_unknown_names_stay_unknown()
    {
        using var ws = new ReportWorkspace();
        var cell = ResultStore.LoadCell(ws.Cell("shard-a", "relu"));
        var own = new ActivationInfo("softplus", "Softplus", "log(1 + eˣ)");
        var renamed = new ActivationInfo("gelu", "My GELU", "x·Φ(x)");

        StudyOrder.Activation("softplus", []).ShouldBeNull("no cell and no design names it");
        StudyOrder.Activation("softplus", [cell with { ActivationInfo = own }]).ShouldBe(own, "a user's activation renders from what its cell recorded");
        StudyOrder.Activation("gelu", [])!.DisplayName.ShouldBe("GELU");
        StudyOrder.Activation("gelu", [cell with { ActivationInfo = renamed }])!.DisplayName.ShouldBe("My GELU", "the cell's own record wins over the design");
        StudyOrder.ModelDisplayName("bigram").ShouldBe("bigram");
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
