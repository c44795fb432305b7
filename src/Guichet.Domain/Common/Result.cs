namespace Guichet.Domain.Common;

/// <summary>
/// The outcome of a use case: a value, or a failure code with every error that caused it.
/// Front doors map it once (SOAP fault, page ModelState); exceptions are kept for bugs.
/// </summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(string failureCode, IReadOnlyList<Error> errors)
    {
        FailureCode = failureCode;
        Errors = errors;
    }

    public bool Succeeded => FailureCode is null;

    /// <summary>The request-level code (for example <c>VALIDATION_FAILED</c>); null on success.</summary>
    public string? FailureCode { get; }

    public IReadOnlyList<Error> Errors { get; }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The result failed with {FailureCode}.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(string failureCode, IReadOnlyList<Error> errors) => new(failureCode, errors);

    public static Result<T> Failure(Error error) => new(error.Code, [error]);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public Result<TOther> Cast<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failure can be cast.")
        : Result<TOther>.Failure(FailureCode!, Errors);
}
