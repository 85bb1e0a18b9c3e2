using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remap.Engine.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExplorationAndProductionTrainer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_JobId",
                table: "runs");

            migrationBuilder.AddColumn<int>(
                name: "ResumedFromEpoch",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "runs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "completed");

            migrationBuilder.AddColumn<int>(
                name: "WarmStartedLayers",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RunCount",
                table: "models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "TestAccuracyMean",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TestAccuracyStd",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValidationAccuracyStd",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletedRepeats",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EpochMetricsJson",
                table: "jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Patience",
                table: "jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Repeats",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<double>(
                name: "TimeBudgetSeconds",
                table: "jobs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WarmStart",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "landmark_distances",
                columns: table => new
                {
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Distances = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LandmarkCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_landmark_distances", x => x.ModelId);
                    table.ForeignKey(
                        name: "FK_landmark_distances_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "landmarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_landmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_landmarks_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    BasisJson = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runs_JobId_Seed",
                table: "runs",
                columns: new[] { "JobId", "Seed" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_landmarks_DatasetName_Ordinal",
                table: "landmarks",
                columns: new[] { "DatasetName", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_landmarks_ModelId",
                table: "landmarks",
                column: "ModelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projections_DatasetName_Kind_Method",
                table: "projections",
                columns: new[] { "DatasetName", "Kind", "Method" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "landmark_distances");

            migrationBuilder.DropTable(
                name: "landmarks");

            migrationBuilder.DropTable(
                name: "projections");

            migrationBuilder.DropIndex(
                name: "IX_runs_JobId_Seed",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ResumedFromEpoch",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "WarmStartedLayers",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "RunCount",
                table: "models");

            migrationBuilder.DropColumn(
                name: "TestAccuracyMean",
                table: "models");

            migrationBuilder.DropColumn(
                name: "TestAccuracyStd",
                table: "models");

            migrationBuilder.DropColumn(
                name: "ValidationAccuracyStd",
                table: "models");

            migrationBuilder.DropColumn(
                name: "CompletedRepeats",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "EpochMetricsJson",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "Patience",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "Repeats",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "TimeBudgetSeconds",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "WarmStart",
                table: "jobs");

            migrationBuilder.CreateIndex(
                name: "IX_runs_JobId",
                table: "runs",
                column: "JobId",
                unique: true);
        }
    }
}
