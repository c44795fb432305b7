using System.Collections.Concurrent;
using Guichet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Security;

/// <summary>
/// User passwords: ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, versioned format) at OWASP's
/// 210,000 iterations. A hash made with fewer iterations verifies and asks to be re-hashed.
/// Hashes run on threads of their own, one per core, never on the thread pool's: a burst of registrations or sign-ins
/// queues here while its callers hold no thread, and the pool's threads stay free for the calls that need no hash.
/// Run on the pool, each ~110 ms hash held a pool thread, and as many hashes as the pool had threads took them all:
/// every other request then waited for a hash to end (measured: bench/README.md, "A burst of registrations").
/// A hash takes a core whole anyway, so the rate of hashes is the same.
/// Not sealed: the tests count verifications (every refusal must cost exactly one, whether the login exists or not) and
/// hashes (a sign-up hashes once whatever the address), and hash at fewer iterations (QuickPasswordHashing).
/// </summary>
public class PasswordHashing : IDisposable
{
    public const int Iterations = 210_000;

    private static readonly object s_user = new();

    private readonly PasswordHasher<object> _hasher;

    private readonly BlockingCollection<HashingJob> _queue = new(new ConcurrentQueue<HashingJob>());

    // Started by the first hash, not by the constructor: a process that never hashes (an operator command) starts none,
    // and no thread calls a subclass's Hash or Verify before its constructor has run.
    private readonly Lazy<Thread[]> _hashingThreads;

    // Verified when the login is unknown, so that an unknown login costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing()
        : this(Environment.ProcessorCount, Iterations)
    {
    }

    /// <param name="concurrentHashes">How many hashes may run at once (a test that needs callers to meet inside one).</param>
    /// <param name="iterations">
    /// Fewer than <see cref="Iterations"/> only in the test suite's hasher, to spare its thousands of hashes the CPU of a
    /// real one (Django's documentation advises the same): never a setting, and the server always builds this class with
    /// <see cref="Iterations"/> (a test holds the type and the count of a running server's hashes).
    /// </param>
    protected PasswordHashing(int concurrentHashes, int iterations)
    {
        _hasher = new(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterations,
        }));
        _decoyHash = new(() => Hash(SecretGenerator.New()));
        _hashingThreads = new(() => StartThreads(concurrentHashes), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        OnAHashingThreadAsync(() => Hash(password), cancellationToken);

    public Task<PasswordCheck> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        OnAHashingThreadAsync(() => Verify(hash, password), cancellationToken);

    /// <summary>Spends the time of a real verification and fails: for logins that do not exist.</summary>
    public async Task<PasswordCheck> VerifyDecoyAsync(string password, CancellationToken cancellationToken)
    {
        await OnAHashingThreadAsync(() => Verify(_decoyHash.Value, password), cancellationToken);
        return PasswordCheck.Invalid;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The jobs already queued still run (their callers are waiting), then the threads end.
            _queue.CompleteAdding();
            foreach (var thread in _hashingThreads.IsValueCreated ? _hashingThreads.Value : [])
            {
                thread.Join();
            }

            _queue.Dispose();
        }
    }

    protected virtual string Hash(string password) => _hasher.HashPassword(s_user, password);

    protected virtual PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(s_user, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidNeedsRehash,
        _ => PasswordCheck.Invalid,
    };

    private async Task<T> OnAHashingThreadAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        // In a burst the wait for a core lasts seconds: the caller's SOAP call holds no SQLite connection meanwhile.
        await SqliteCallConnection.LetGoAsync();
        var job = new HashingJob<T>(work, cancellationToken);
        // The job watches the token itself: a caller that gives up is answered at once, queued or not.
        _queue.Add(job, CancellationToken.None);
        _ = _hashingThreads.Value;
        return await job.Result;
    }

    private Thread[] StartThreads(int count)
    {
        Thread[] threads = [.. Enumerable.Range(0, count)
            .Select(_ => new Thread(RunQueuedJobs) { IsBackground = true, Name = "Password hashing" })];
        foreach (var thread in threads)
        {
            thread.Start();
        }

        return threads;
    }

    private void RunQueuedJobs()
    {
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            job.Run();
        }
    }

    private abstract class HashingJob
    {
        public abstract void Run();
    }

    /// <summary>
    /// One caller's hash or verification. A caller that gives up while waiting is answered at once and its job, when its
    /// turn comes, takes no core. The caller's code goes on on the thread pool, not on the hashing thread.
    /// </summary>
    private sealed class HashingJob<T> : HashingJob
    {
        private readonly Func<T> _work;
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _givingUp;

        public HashingJob(Func<T> work, CancellationToken cancellationToken)
        {
            _work = work;
            _givingUp = cancellationToken.Register(() => _result.TrySetCanceled(cancellationToken));
        }

        public Task<T> Result => _result.Task;

        public override void Run()
        {
            using (_givingUp)
            {
                if (_result.Task.IsCompleted)
                {
                    return;
                }

                try
                {
                    _result.TrySetResult(_work());
                }
                catch (Exception failure)
                {
                    _result.TrySetException(failure);
                }
            }
        }
    }
}

public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidNeedsRehash,
}
