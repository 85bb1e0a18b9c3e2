using FluentValidation.TestHelper;
using Remap.Api.Jobs;
using Remap.Api.Models;

namespace Remap.Api.Tests;

public sealed class CreateModelRequestValidatorTests
{
    private readonly CreateModelRequestValidator validator = new();

    [Fact]
    public void Validator_AcceptsMinimalRequest()
    {
        var result = validator.TestValidate(new CreateModelRequest("model m\ndense units=10\n"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validator_RejectsNameWithSpaces()
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", Name: "two words"));

        result.ShouldHaveValidationErrorFor(request => request.Name);
    }

    [Fact]
    public void Validator_RejectsUnknownOptimizer()
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", Training: new TrainingOverrides(Optimizer: "rmsprop")));

        result.ShouldHaveValidationErrorFor("Training.Optimizer");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.5)]
    public void Validator_RejectsLearningRateOutOfRange(double learningRate)
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", Training: new TrainingOverrides(LearningRate: learningRate)));

        result.ShouldHaveValidationErrorFor("Training.LearningRate");
    }

    [Fact]
    public void Validator_RejectsNonPositiveParent()
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", ParentId: 0));

        result.ShouldHaveValidationErrorFor("ParentId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validator_RejectsRepeatsOutOfRange(int repeats)
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", Job: new JobOptionsRequest(Repeats: repeats)));

        result.ShouldHaveValidationErrorFor("Job.Repeats");
    }

    [Fact]
    public void Validator_RejectsPriorityBeyondRange()
    {
        var result = validator.TestValidate(new CreateModelRequest("model m", Job: new JobOptionsRequest(Priority: JobOptionsRequestValidator.MaxPriority + 1)));

        result.ShouldHaveValidationErrorFor("Job.Priority");
    }
}
