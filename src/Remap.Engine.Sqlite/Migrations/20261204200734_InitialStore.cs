using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remap.Engine.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", nullable: false),
                    CanonicalText = table.Column<string>(type: "TEXT", nullable: false),
                    ArchitectureHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TrainingHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TrainingSettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DatasetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InputShape = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Classes = table.Column<int>(type: "INTEGER", nullable: false),
                    LayerTableJson = table.Column<string>(type: "TEXT", nullable: false),
                    ParameterCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ValidationAccuracy = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_models", x => x.Id);
                    table.ForeignKey(
                        name: "FK_models_models_ParentId",
                        column: x => x.ParentId,
                        principalTable: "models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    Epochs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jobs_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    EpochMetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ValidationAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    TestAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    PerClassAccuracyJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConfusionMatrixJson = table.Column<string>(type: "TEXT", nullable: false),
                    ValidationCorrect = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TestCorrect = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_runs_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jobs_ModelId",
                table: "jobs",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_jobs_State_Priority_Id",
                table: "jobs",
                columns: new[] { "State", "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_models_ArchitectureHash_DatasetName_TrainingHash",
                table: "models",
                columns: new[] { "ArchitectureHash", "DatasetName", "TrainingHash" });

            migrationBuilder.CreateIndex(
                name: "IX_models_ParentId",
                table: "models",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_JobId",
                table: "runs",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_runs_ModelId",
                table: "runs",
                column: "ModelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jobs");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "models");
        }
    }
}
