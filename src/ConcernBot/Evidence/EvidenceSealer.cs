using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Evidence;

/// <summary>
/// Seals each evidence file with its own random AES-256-GCM key, the key wrapped by the Data Protection key ring (so
/// a copy of the store alone opens nothing). The concern and file ids are the associated data: a sealed file moved to
/// another concern or id does not open. Layout: version (1), wrapped key length (2, big-endian), wrapped key, nonce
/// (12), tag (16), ciphertext.
/// </summary>
public sealed class EvidenceSealer(IDataProtectionProvider provider)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector protector = provider.CreateProtector("ConcernBot.Evidence.v1");

    public byte[] Seal(string concernId, string fileId, ReadOnlySpan<byte> plain)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var wrapped = protector.Protect(key);
            var sealedBytes = new byte[1 + 2 + wrapped.Length + NonceSize + TagSize + plain.Length];
            sealedBytes[0] = Version;
            BinaryPrimitives.WriteUInt16BigEndian(sealedBytes.AsSpan(1), checked((ushort)wrapped.Length));
            wrapped.CopyTo(sealedBytes.AsSpan(3));
            var offset = 3 + wrapped.Length;
            var nonce = sealedBytes.AsSpan(offset, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(offset + NonceSize + TagSize), sealedBytes.AsSpan(offset + NonceSize, TagSize), Associated(concernId, fileId));
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <exception cref="CryptographicException">The bytes were altered, or belong to another file.</exception>
    public byte[] Open(string concernId, string fileId, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < 3 || sealedBytes[0] != Version)
        {
            throw new CryptographicException("Not a sealed evidence file.");
        }

        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(sealedBytes[1..]);
        var offset = 3 + wrappedLength;
        if (sealedBytes.Length < offset + NonceSize + TagSize)
        {
            throw new CryptographicException("Not a sealed evidence file.");
        }

        var key = protector.Unprotect(sealedBytes.Slice(3, wrappedLength).ToArray());
        try
        {
            var cipher = sealedBytes[(offset + NonceSize + TagSize)..];
            var plain = new byte[cipher.Length];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.Slice(offset, NonceSize), cipher, sealedBytes.Slice(offset + NonceSize, TagSize), plain, Associated(concernId, fileId));
            return plain;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Associated(string concernId, string fileId) => Encoding.UTF8.GetBytes(concernId + "/" + fileId);
}
