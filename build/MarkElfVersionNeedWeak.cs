// MSBuild inline task (RoslynCodeTaskFactory), compiled by build/LibTorchSharpWeakGlibcxx.targets.
// Marks one version need of an ELF64 little-endian shared library as weak, when the host's
// libstdc++ does not define that version. Never edits the file in place: the output copy is a
// hard link into the NuGet cache, so the patched bytes go to a new file that replaces the copy.
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkElfVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    private const uint SectionTypeVersionNeed = 0x6ffffffe; // SHT_GNU_verneed
    private const ushort VersionFlagWeak = 0x2;             // VER_FLG_WEAK

    [Required]
    public string LibraryPath { get; set; } = "";

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        var libstdcxx = FindHostLibstdcxx();
        if (libstdcxx == null)
        {
            Log.LogMessage(MessageImportance.High,
                $"Remap: no libstdc++.so.6 found on this host; left {LibraryPath} unchanged.");
            return true;
        }

        if (HostDefinesVersion(libstdcxx, VersionName))
        {
            Log.LogMessage(MessageImportance.Low,
                $"Remap: {libstdcxx} defines {VersionName}; {Path.GetFileName(LibraryPath)} needs no patch.");
            return true;
        }

        byte[] bytes = File.ReadAllBytes(LibraryPath);
        int flagsOffset;
        string problem;
        try
        {
            flagsOffset = FindVersionNeedFlagsOffset(bytes, out problem);
        }
        catch (ArgumentException exception)
        {
            // An offset in the ELF headers points outside the file: treat it as a malformed library, not a build crash.
            flagsOffset = -1;
            problem = "an ELF header offset lies outside the file (" + exception.Message + ")";
        }

        if (flagsOffset < 0)
        {
            Log.LogWarning($"Remap: cannot mark {VersionName} weak in {LibraryPath}: {problem}. " +
                "TorchSharp may fail to load; install a libstdc++ that defines " + VersionName + ".");
            return true;
        }

        ushort flags = BitConverter.ToUInt16(bytes, flagsOffset);
        if ((flags & VersionFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Normal,
                $"Remap: {VersionName} is already a weak version need in {LibraryPath}.");
            return true;
        }

        WritePatchedCopy(flagsOffset, (ushort)(flags | VersionFlagWeak));
        Log.LogMessage(MessageImportance.High,
            $"Remap: marked the {VersionName} version need weak in {LibraryPath}, because {libstdcxx} does not define {VersionName}.");
        return true;
    }

    private void WritePatchedCopy(int flagsOffset, ushort flags)
    {
        // File.Copy keeps the permission bits and makes a new inode, so the hard-linked cache file stays untouched.
        // The original time stamp is kept so the SDK's copy step (SkipUnchangedFiles) does not
        // replace the patched copy with a fresh hard link on the next incremental build.
        DateTime lastWrite = File.GetLastWriteTimeUtc(LibraryPath);
        string temporary = LibraryPath + ".remap-patch";
        File.Copy(LibraryPath, temporary, overwrite: true);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            stream.Position = flagsOffset;
            stream.Write(BitConverter.GetBytes(flags), 0, 2);
        }

        File.SetLastWriteTimeUtc(temporary, lastWrite);
        File.Delete(LibraryPath);
        File.Move(temporary, LibraryPath);
    }

    private static string FindHostLibstdcxx()
    {
        try
        {
            var start = new ProcessStartInfo("ldconfig", "-p")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process != null)
            {
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit(10000);
                foreach (string line in output.Split('\n'))
                {
                    int arrow = line.IndexOf("=>", StringComparison.Ordinal);
                    if (line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal)
                        && line.Contains("x86-64") && arrow > 0)
                    {
                        string path = line.Substring(arrow + 2).Trim();
                        if (File.Exists(path))
                        {
                            return path;
                        }
                    }
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No ldconfig on PATH: fall back to the usual Debian location below.
        }

        const string usual = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        return File.Exists(usual) ? usual : null;
    }

    private static bool HostDefinesVersion(string libraryPath, string versionName)
    {
        byte[] library = File.ReadAllBytes(libraryPath);
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        for (int start = 0; start + needle.Length <= library.Length; start++)
        {
            int matched = 0;
            while (matched < needle.Length && library[start + matched] == needle[matched])
            {
                matched++;
            }

            if (matched == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// Returns the file offset of vna_flags in the Vernaux entry named VersionName, or -1 with the reason.
    private int FindVersionNeedFlagsOffset(byte[] bytes, out string problem)
    {
        problem = null;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            problem = "the file is not an ELF file";
            return -1;
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            problem = $"expected ELF64 little-endian, found class {bytes[4]} and data encoding {bytes[5]}";
            return -1;
        }

        long sectionTable = BitConverter.ToInt64(bytes, 0x28);
        int sectionSize = BitConverter.ToUInt16(bytes, 0x3a);
        int sectionCount = BitConverter.ToUInt16(bytes, 0x3c);
        for (int index = 0; index < sectionCount; index++)
        {
            long header = sectionTable + (long)index * sectionSize;
            if (header + 64 > bytes.Length)
            {
                problem = $"section header {index} lies past the end of the file";
                return -1;
            }

            if (BitConverter.ToUInt32(bytes, (int)header + 4) == SectionTypeVersionNeed)
            {
                return FindInVersionNeedSection(bytes, sectionTable, sectionSize, (int)header, out problem);
            }
        }

        problem = "the file has no .gnu.version_r section";
        return -1;
    }

    private int FindInVersionNeedSection(byte[] bytes, long sectionTable, int sectionSize, int header, out string problem)
    {
        problem = null;
        long offset = BitConverter.ToInt64(bytes, header + 0x18);
        long size = BitConverter.ToInt64(bytes, header + 0x20);
        uint link = BitConverter.ToUInt32(bytes, header + 0x28);
        uint entries = BitConverter.ToUInt32(bytes, header + 0x2c);
        long stringTable = BitConverter.ToInt64(bytes, (int)(sectionTable + link * (long)sectionSize) + 0x18);

        long need = offset;
        for (uint entry = 0; entry < entries && need + 16 <= offset + size; entry++)
        {
            int auxiliaryCount = BitConverter.ToUInt16(bytes, (int)need + 2);
            long auxiliary = need + BitConverter.ToUInt32(bytes, (int)need + 8);
            for (int count = 0; count < auxiliaryCount && auxiliary + 16 <= offset + size; count++)
            {
                uint name = BitConverter.ToUInt32(bytes, (int)auxiliary + 8);
                if (ReadString(bytes, stringTable + name) == VersionName)
                {
                    return (int)auxiliary + 4;
                }

                auxiliary += BitConverter.ToUInt32(bytes, (int)auxiliary + 12);
            }

            need += BitConverter.ToUInt32(bytes, (int)need + 12);
        }

        problem = $"no version need named {VersionName} in .gnu.version_r";
        return -1;
    }

    private static string ReadString(byte[] bytes, long start)
    {
        if (start < 0 || start >= bytes.Length)
        {
            return "";
        }

        int end = Array.IndexOf(bytes, (byte)0, (int)start);
        return Encoding.ASCII.GetString(bytes, (int)start, (end < 0 ? bytes.Length : end) - (int)start);
    }
}
