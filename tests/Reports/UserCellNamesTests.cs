using ReproSpecs.Harness.Design;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>A user's cells render with their own names: their spec class maps to their model, headings use its display name.</summary>
public class UserCellNamesTests
{
    [Fact]
    public void A_users_spec_class_outside_Architectures_maps_to_its_model_once_the_model_is_known()
    {
        TrxReader.GroupFromClass("MyModels.Specs.UserNamesTestSpecs").ShouldBe("UserNamesTestSpecs", "an unknown model: the class keeps its name");
        KnownNames.Add(new ArchitectureInfo("usernamestest", "UserNamesTest", ArchitectureFamily.Convolutional));
        TrxReader.GroupFromClass("MyModels.Specs.UserNamesTestSpecs").ShouldBe("usernamestest");
        TrxReader.GroupFromClass("ReproSpecs.Specs.Hypotheses.H3Specs").ShouldBe("H3Specs", "a hypothesis class is not an architecture");
        TrxReader.GroupFromClass("ReproSpecs.Specs.Architectures.ConvLMSpecs").ShouldBe("convlm");
    }

    [Fact]
    public void A_registered_model_is_named_by_its_display_name_and_the_study_keeps_its_own()
    {
        StudyOrder.ModelDisplayName("displaytest_model").ShouldBe("displaytest_model");
        KnownNames.Add(new ArchitectureInfo("displaytest_model", "Display Test", ArchitectureFamily.Recurrent));
        StudyOrder.ModelDisplayName("displaytest_model").ShouldBe("Display Test");
        KnownNames.Add(new ArchitectureInfo("charlm", "Not CharLM", ArchitectureFamily.Recurrent));
        StudyOrder.ModelDisplayName("charlm").ShouldBe("CharLM", "the study design wins on its own names");
        StudyOrder.Activation("displaytest_act", []).ShouldBeNull();
        KnownNames.Add(new ActivationInfo("displaytest_act", "Display Act", "x²"));
        StudyOrder.Activation("displaytest_act", [])!.Formula.ShouldBe("x²");
    }
}
