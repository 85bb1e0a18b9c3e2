// Generated from openapi/remap.v1.json by `npm run generate-api`. Do not edit.

export interface paths {
    "/api/v1/models/{id}/ablations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue one child per removable layer (or block) of a trained model; removals that break the shapes are skipped with the reason
         * @description The JSON body is optional: without it every layer but the final dense one is removed in turn. 'layers' chooses layers by 0-based index (index 0 is layer 1 of the change texts), 'blocks' removes a conv2d with the batchnorm2d, activation and dropout layers after it and one pooling layer together, 'maxParameters' skips children above a parameter budget, and 'job' sets how the training jobs run.
         */
        post: operations["CreateAblationStudy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the datasets models can be trained on */
        get: operations["ListDatasets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/datasets/{name}/classes/{classIndex}/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Test images of one class as one PNG sprite: count images side by side, left to right in the test file's order
         * @description The sprite is count × width pixels wide and one image high; tile i starts at x = i × the dataset's width. The X-Remap-Sample-Count header gives the number of tiles. count is 1 to 100, default 10.
         */
        get: operations["GetClassSamples"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream job events as Server-Sent Events: state changes, finished epochs and batch progress
         * @description Events are stored, so they survive a restart and include the events of workers in other processes that share the database. Each event's id increases; a client that reconnects with the Last-Event-ID header (or the lastEventId query value) first receives the events it missed, from the last 15 minutes by default (Remap:EventRetention); events older than that are gone, so a client that was away longer should read GET /api/v1/jobs again. A client that connects without either first receives every retained event. A client whose id is beyond the newest stored event (from another database, or from before the store was reset) gets a reset event instead, carrying the newest id: it should reload its state from GET /api/v1/jobs, and the stream then sends only newer events. With jobId, only that job's events are sent, and an unknown job id is 404. The stream ends when the server stops. Event types: connected (first, without an id), reset (without an id), job-state (a cancelled job's carries the epochs it finished; a priority change sends one with state queued and the new priority), epoch, batch. Batch events are sent at most once per Remap:BatchEventInterval (250 ms by default) per job.
         */
        get: operations["StreamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List training jobs, newest first, optionally of one state */
        get: operations["ListJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a training job and its progress */
        get: operations["GetJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a job: a queued job at once, a running job at its next batch
         * @description A queued job is cancelled at once (200). A running job gets a cancel request (202): its worker stops it at the next batch, or, when that worker stopped sending heartbeats (its process was killed), the job is cancelled when its lease expires, at most Remap:LeaseDuration after the last heartbeat, instead of being requeued. Either way it keeps the epochs it finished and their metrics.
         */
        post: operations["CancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the priority of a queued job, which moves it in the queue: higher runs first */
        put: operations["SetJobPriority"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List models, best validation accuracy first, one page at a time
         * @description The order is validation accuracy descending, untrained models last, then id. A page holds at most 'limit' models (default 100, at most 1000). When more models follow, the response carries their cursor in the X-Next-Cursor header and a Link header with rel="next"; pass the cursor unchanged as 'cursor' to get the next page. The last page has neither header. Models added while a client pages appear on a later page or not at all, depending on their accuracy.
         */
        get: operations["ListModels"];
        put?: never;
        /**
         * Compile a .remap architecture and queue its training, or return the same queued, running or trained model
         * @description Returns 201 with a new model and its queued job, or 200 with the existing model (reused = true) when a model with the same architecture hash, dataset and training hash is queued, running or succeeded. A failed or cancelled model is trained again as a new model.
         */
        post: operations["CreateModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a model with its layer table, metrics, parent, changes and jobs */
        get: operations["GetModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{id}/diff/{otherId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two models layer by layer: inserted, removed, replaced and re-parameterised layers with old and new parameters */
        get: operations["GetModelDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{id}/glyph.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The architecture chip as SVG: one block per layer, coloured by kind, its height growing with the log of the layer's output size */
        get: operations["GetModelGlyph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every model of a dataset as a point of the structure, prediction or accuracy-size view, paged or thinned
         * @description Projections are cached: a landmark-MDS layout is fitted once and later models are placed with the same basis without moving the others, until POST /api/v1/overview/recompute. t-SNE places new models only on recompute, and its time grows with the square of the model count, so it is rejected (400) above Remap:Exploration:MaxTsneModels models (3,000 by default) or, in the structure view, above Remap:Exploration:MaxTsneStructureModels (1,000 by default). Each point carries accuracy, parameter count, status, parent and the layers' short form; classIndex adds the test accuracy on one class. Page with limit and after (nextAfter), thin with maxPoints, and pass focus to get one model's point whatever the page. A request with Accept-Encoding: gzip gets the same JSON gzip-compressed (Content-Encoding: gzip), compressed once per cached response; 10,000 points are about 3 MiB of JSON and several times smaller compressed. A cached view is revalidated against the store at most once per Remap:Exploration:OverviewRevalidateInterval (1 s by default), so a new model or a finished job shows up within that interval.
         */
        get: operations["GetOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fit a structure or prediction projection again on every model; points may all move */
        post: operations["RecomputeProjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/populations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sample random valid architectures for a dataset and queue their training; repeated architectures are trained once */
        post: operations["CreatePopulation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{id}/variations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue children of a trained model, each 1 to maxChanges random layer changes away, honouring per-layer restrictions
         * @description Actions: insert a layer before the chosen layer, remove it, replace it with another kind, or set one parameter to another allowed value. Every child is shape-checked and within the parameter budget, and none repeats the parent or a sibling. The final dense layer only takes insertions before it. Restrictions name layers by 0-based index (index 0 is layer 1 of the change texts); restrictions that leave no action on any layer are rejected with 400.
         */
        post: operations["CreateVariations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description One child of an ablation study: the parent without one layer or one block. */
        AblationChildResponse: {
            /**
             * Format: int32
             * @description The 0-based index of the (first) removed layer in the parent; the change text calls it layer RemovedLayerIndex + 1.
             */
            removedLayerIndex?: number;
            removedLayer?: string | null;
            change?: string | null;
            /** @description True when a queued, running or succeeded model with the same architecture, dataset and training settings already existed, so nothing new was queued. */
            reused?: boolean;
            /** @description A model as listings show it. */
            model?: components["schemas"]["ModelSummary"] | null;
            /** @description The job that trains the child: the new one, or the existing model's latest. */
            job?: components["schemas"]["JobResponse"] | null;
            /** @description Every removed layer's 0-based index: one, or a whole block. */
            removedLayerIndexes?: number[] | null;
        };
        /** @description The result of an ablation study request. */
        AblationStudyResponse: {
            /** Format: int64 */
            parentId?: number;
            children?: components["schemas"]["AblationChildResponse"][] | null;
            skipped?: components["schemas"]["SkippedAblationResponse"][] | null;
        };
        /** @description Options of an ablation study; every value is optional and an absent body keeps the defaults. */
        CreateAblationStudyRequest: {
            /** @description The 0-based indexes of the layers to remove, as the `index` of the layer table (index 0 is layer 1 of the change texts); one child each, or with Blocks one child per block containing them. Every layer but the final dense one when left out; not empty when given. */
            layers?: number[] | null;
            /** @description Remove whole blocks: a conv2d with the batchnorm2d, activation and dropout layers after it and one pooling layer. Default false. */
            blocks?: boolean | null;
            /**
             * Format: int64
             * @description Children with more trainable parameters are skipped with the reason; 100 to 50,000,000, no limit when left out.
             */
            maxParameters?: number | null;
            /** @description How to run the training jobs; repeats, patience and time budget default to the parent job's, and a field given here replaces just that field. */
            job?: components["schemas"]["JobOptionsRequest"] | null;
        };
        /** @description A new model: .remap source text plus optional values that replace the file's header and training settings. */
        CreateModelRequest: {
            /** @description Required: the .remap text, at most 200,000 characters. */
            source: string;
            /** @description Replaces the file's `model` name: letters, digits, '_', '-' and '.', at most 200 characters. */
            name?: string | null;
            /** @description Replaces the file's `dataset`; a name from GET /api/v1/datasets. */
            dataset?: string | null;
            /** @description Replaces single values of the file's `training` block. */
            training?: components["schemas"]["TrainingOverrides"] | null;
            /**
             * Format: int64
             * @description The model this one was derived from, for the exploration tree.
             */
            parentId?: number | null;
            /** @description How to run the training job; with parentId, repeats, patience and time budget default to the parent job's. */
            job?: components["schemas"]["JobOptionsRequest"] | null;
        };
        /** @description A request to sample random architectures for a dataset and queue their training. */
        CreatePopulationRequest: {
            /** @description Required: a name from GET /api/v1/datasets; it fixes the input shape and the class count. */
            dataset: string;
            /**
             * Format: int32
             * @description Required: how many architectures to sample, 1 to 200.
             */
            count: number;
            /**
             * Format: int32
             * @description The maximum layers per architecture, the final dense layer included; 2 to 30, default 10.
             */
            maxDepth?: number | null;
            /**
             * Format: int64
             * @description The maximum trainable parameters per architecture; 100 to 50,000,000, default 1,000,000.
             */
            maxParameters?: number | null;
            /** @description The layer kinds the hidden layers may use (keywords such as conv2d or relu); all when left out. Image inputs need flatten or globalavgpool among them. */
            allowedKinds?: string[] | null;
            /**
             * Format: int32
             * @description The sampler's seed; the same seed and bounds sample the same architectures. A random seed is chosen and returned when left out.
             */
            seed?: number | null;
            /** @description Replaces single values of the default training settings. */
            training?: components["schemas"]["TrainingOverrides"] | null;
            /** @description How to run the training jobs. */
            job?: components["schemas"]["JobOptionsRequest"] | null;
        };
        /** @description A request for children of a trained model, each 1 to `maxChanges` layer changes away from it. */
        CreateVariationsRequest: {
            /**
             * Format: int32
             * @description Required: how many children, 1 to 50.
             */
            count: number;
            /**
             * Format: int32
             * @description The most layer changes per child, 1 to 5; each child has between 1 and this many. Default 1.
             */
            maxChanges?: number | null;
            /**
             * Format: int32
             * @description The same parent, seed and options give the same children; a random seed is chosen and returned when left out.
             */
            seed?: number | null;
            /**
             * Format: int64
             * @description The most trainable parameters a child may have; 100 to 50,000,000. Default: 4 × the parent's, at least 100,000.
             */
            maxParameters?: number | null;
            /** @description The layer kinds (keywords) that may be inserted or swapped in where no layer restriction names its own; all when left out. */
            kinds?: string[] | null;
            /** @description Per-layer restrictions, at most one per layer; a layer without one allows every action. Restrictions that freeze every layer are rejected with 400. */
            layers?: components["schemas"]["LayerRestrictionRequest"][] | null;
            /** @description How to run the training jobs; repeats, patience and time budget default to the parent job's, and a field given here replaces just that field. */
            job?: components["schemas"]["JobOptionsRequest"] | null;
        };
        /** @description The response to a model request: the model and the job that trains it. */
        CreatedModelResponse: {
            /**
             * @description A model with its layer table, its runs and its jobs. ValidationAccuracy, TestAccuracyMean and the standard
             *     deviations are over the runs (one per seed) of the latest succeeded job; the deviations are null with one run.
             */
            model?: components["schemas"]["ModelDetail"] | null;
            /** @description A training job and its progress. */
            job?: components["schemas"]["JobResponse"] | null;
            /**
             * @description True when a queued, running or succeeded model with the same architecture, dataset and training
             *     settings already existed. The response then carries that model and its latest job, and nothing new was queued.
             */
            reused?: boolean;
        };
        /** @description A dataset registered on the server. */
        DatasetResponse: {
            name?: string | null;
            description?: string | null;
            /** @description The shape of one sample in the language's notation, for example `1x28x28`. */
            input?: string | null;
            inputDimensions?: number[] | null;
            /** Format: int32 */
            classes?: number;
            classNames?: string[] | null;
            /** Format: int32 */
            trainCount?: number;
            /** Format: int32 */
            testCount?: number;
        };
        /** @description One epoch of a run. */
        EpochMetricsResponse: {
            /** Format: int32 */
            epoch?: number;
            /** Format: double */
            trainLoss?: number;
            /** Format: double */
            trainAccuracy?: number;
            /** Format: double */
            validationAccuracy?: number;
            /** Format: double */
            seconds?: number;
        };
        HttpValidationProblemDetails: {
            type?: string | null;
            title?: string | null;
            /** Format: int32 */
            status?: number | null;
            detail?: string | null;
            instance?: string | null;
            errors?: {
                [key: string]: string[];
            } | null;
        } & {
            [key: string]: unknown;
        };
        /** @description One finished epoch of a job. */
        JobEpochMetrics: {
            /** Format: int32 */
            epoch?: number;
            /** Format: double */
            trainLoss?: number;
            /** Format: double */
            trainAccuracy?: number;
            /** Format: double */
            validationAccuracy?: number;
            /** Format: double */
            seconds?: number;
        };
        JobEvent: {
            /** Format: int64 */
            id?: number;
            type?: string | null;
            /** Format: date-time */
            time?: string;
            /** Format: int64 */
            jobId?: number;
            /** Format: int64 */
            modelId?: number;
            data?: components["schemas"]["JobEventData"] | null;
        };
        JobEventData: {
            state?: string | null;
            error?: string | null;
            /** Format: int32 */
            seed?: number | null;
            /** Format: int32 */
            epoch?: number | null;
            /** Format: int32 */
            priority?: number | null;
            /** Format: int32 */
            epochs?: number | null;
            /** Format: int32 */
            batch?: number | null;
            /** Format: int32 */
            batches?: number | null;
            /** Format: double */
            trainLoss?: number | null;
            /** Format: double */
            trainAccuracy?: number | null;
            /** Format: double */
            validationAccuracy?: number | null;
            /** Format: double */
            seconds?: number | null;
        };
        /**
         * @description How to run the training a request queues; every value is optional. A derived model (an ablation or variation
         *     child, or a model posted with parentId) takes repeats, patience and time budget from its parent's job, so it is
         *     compared with the parent like with like. A field given here replaces just that field. Priority is never inherited.
         */
        JobOptionsRequest: {
            /**
             * Format: int32
             * @description Higher runs first; equal priorities run in the order they were queued. From -1,000,000 to 1,000,000; default 0.
             */
            priority?: number | null;
            /**
             * Format: int32
             * @description How many times to train the architecture, each with another seed (the model's seed, then seed + 1, …), so the spread between seeds is known. From 1 to 10; default: the parent job's for a derived model, else 1.
             */
            repeats?: number | null;
            /**
             * @description For a derived model: start from the parent's trained weights for every layer the two share (same kind and
             *     parameter shapes), then train a fraction of the epochs. Default: the server's Remap:WarmStartByDefault.
             */
            warmStart?: boolean | null;
            /**
             * Format: int32
             * @description Stop a repeat when validation accuracy has not improved for this many epochs (the run's stopReason is then early-stopping). From 1 to 1000; default: the parent job's for a derived model, else train every epoch.
             */
            patience?: number | null;
            /**
             * Format: double
             * @description The training time one repeat may use, in seconds; training stops at the next batch after it (stopReason time-budget). More than 0 and at most 604,800 (one week); default: the parent job's for a derived model, else no limit.
             */
            timeBudgetSeconds?: number | null;
        };
        /** @description A training job and its progress. */
        JobResponse: {
            /** Format: int64 */
            id?: number;
            /** Format: int64 */
            modelId?: number;
            /** @description queued, running, succeeded, failed, cancelled or diverged; clients should accept other values too. */
            state?: string | null;
            /** Format: int32 */
            priority?: number;
            /** Format: int32 */
            attempts?: number;
            /** Format: int32 */
            maxAttempts?: number;
            /**
             * Format: int32
             * @description The last completed epoch of the current repeat; a cancelled or diverged job keeps the epochs it finished.
             */
            epoch?: number;
            /** Format: int32 */
            epochs?: number;
            cancelRequested?: boolean;
            error?: string | null;
            leaseOwner?: string | null;
            /** Format: date-time */
            leaseExpiresAt?: string | null;
            /** Format: date-time */
            heartbeatAt?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /**
             * Format: int32
             * @description How many seeds the job trains.
             */
            repeats?: number;
            /**
             * Format: int32
             * @description How many of those seeds have a stored run.
             */
            completedRepeats?: number;
            /** @description Whether the job starts from its parent model's trained weights. */
            warmStart?: boolean;
            /**
             * Format: int32
             * @description Early stopping: epochs without a validation accuracy gain before a repeat stops; null trains every epoch.
             */
            patience?: number | null;
            /**
             * Format: double
             * @description The training time one repeat may use; null has no limit.
             */
            timeBudgetSeconds?: number | null;
            /** @description The metrics of the epochs finished so far in the current repeat. */
            epochMetrics?: components["schemas"]["JobEpochMetrics"][] | null;
        };
        /** @description One layer-level change between two architectures. */
        LayerChangeResponse: {
            /** @description inserted, removed, replaced or reparameterised. */
            kind?: string | null;
            /**
             * Format: int32
             * @description The 0-based index in the first architecture, null for an insertion.
             */
            beforeIndex?: number | null;
            /**
             * Format: int32
             * @description The 0-based index in the second architecture, null for a removal.
             */
            afterIndex?: number | null;
            /** @description The old layer in canonical syntax. */
            before?: string | null;
            /** @description The new layer in canonical syntax. */
            after?: string | null;
            beforeParameters?: {
                [key: string]: number;
            } | null;
            afterParameters?: {
                [key: string]: number;
            } | null;
            /** @description The change in plain words; "layer N" counts from 1 (layer 1 has index 0) in the numbering of the first architecture. */
            description?: string | null;
        };
        /** @description One aligned position of two architectures: both indexes for a kept layer, one for a removed or inserted layer. */
        LayerPairResponse: {
            /** Format: int32 */
            beforeIndex?: number | null;
            /** Format: int32 */
            afterIndex?: number | null;
        };
        /** @description What the variations may do at one layer of the parent. */
        LayerRestrictionRequest: {
            /**
             * Format: int32
             * @description Required: the 0-based index of the layer in the parent, as the `index` of its layer table (GET /api/v1/models/{id}); index 0 is layer 1 of the change texts.
             */
            index: number;
            /** @description The allowed actions among insert (a new layer before this one), remove, replace and reparameterise; all when left out, none when empty. */
            actions?: string[] | null;
            /** @description The kinds that may be inserted before this layer or swapped in for it; the request's kinds when left out. */
            kinds?: string[] | null;
        };
        LayerTableRow: {
            /** Format: int32 */
            index?: number;
            kind?: string | null;
            parameters?: {
                [key: string]: number;
            } | null;
            text?: string | null;
            outputShape?: number[] | null;
            /** Format: int64 */
            parameterCount?: number;
        };
        /**
         * @description A model with its layer table, its runs and its jobs. ValidationAccuracy, TestAccuracyMean and the standard
         *     deviations are over the runs (one per seed) of the latest succeeded job; the deviations are null with one run.
         */
        ModelDetail: {
            /** Format: int64 */
            id?: number;
            name?: string | null;
            dataset?: string | null;
            inputShape?: string | null;
            /** Format: int32 */
            classes?: number;
            sourceText?: string | null;
            canonicalText?: string | null;
            architectureHash?: string | null;
            trainingHash?: string | null;
            /** @description The training settings a model is trained with. */
            training?: components["schemas"]["TrainingSettingsResponse"] | null;
            layers?: components["schemas"]["LayerTableRow"][] | null;
            /** Format: int64 */
            parameterCount?: number;
            /** Format: int64 */
            parentId?: number | null;
            parentName?: string | null;
            changes?: string[] | null;
            status?: string | null;
            /** Format: double */
            validationAccuracy?: number | null;
            /** @description The result of a finished training of one seed. */
            latestRun?: components["schemas"]["RunResponse"] | null;
            jobs?: components["schemas"]["JobResponse"][] | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: double */
            validationAccuracyStd?: number | null;
            /** Format: double */
            testAccuracyMean?: number | null;
            /** Format: double */
            testAccuracyStd?: number | null;
            /** Format: int32 */
            runCount?: number;
            runs?: components["schemas"]["RunResponse"][] | null;
            /** @description How a derived model's mean validation accuracy differs from its parent's, next to the spread between seeds. */
            comparisonWithParent?: components["schemas"]["ParentComparison"] | null;
        };
        /** @description The layer-level difference of two models, named by the same algorithm that names a child's changes. */
        ModelDiffResponse: {
            /** Format: int64 */
            beforeId?: number;
            /** Format: int64 */
            afterId?: number;
            beforeLayers?: string | null;
            afterLayers?: string | null;
            alignment?: components["schemas"]["LayerPairResponse"][] | null;
            changes?: components["schemas"]["LayerChangeResponse"][] | null;
            /**
             * Format: double
             * @description The optimal-transport distance of the two architectures (0 for the same layers).
             */
            structuralDistance?: number;
            /**
             * Format: double
             * @description The share of validation images one model gets right and the other wrong; null unless both are trained on the same dataset.
             */
            predictionDistance?: number | null;
        };
        /** @description A model as listings show it. */
        ModelSummary: {
            /** Format: int64 */
            id?: number;
            name?: string | null;
            dataset?: string | null;
            architectureHash?: string | null;
            trainingHash?: string | null;
            /** Format: int64 */
            parameterCount?: number;
            status?: string | null;
            /** Format: double */
            validationAccuracy?: number | null;
            /** Format: int64 */
            parentId?: number | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: double */
            validationAccuracyStd?: number | null;
            /** Format: int32 */
            runCount?: number;
        };
        /** @description The extent of every placed point of the view (before paging and thinning), so a client can fix its axes. */
        OverviewBounds: {
            /** Format: double */
            minX?: number;
            /** Format: double */
            maxX?: number;
            /** Format: double */
            minY?: number;
            /** Format: double */
            maxY?: number;
        };
        /** @description One model in the overview. X and Y are null for a model the view cannot place yet. */
        OverviewPoint: {
            /** Format: int64 */
            id?: number;
            name?: string | null;
            /** Format: double */
            x?: number | null;
            /** Format: double */
            y?: number | null;
            /** Format: double */
            validationAccuracy?: number | null;
            /** Format: int64 */
            parameterCount?: number;
            status?: string | null;
            /** Format: int64 */
            parentId?: number | null;
            /** @description The layers' short form, for example `conv16k3p1 → relu → max2 → flat → dense10`: what the architecture glyph draws. */
            layers?: string | null;
            /** @description How many values each layer outputs, one number per layer in the order of `layers`: the heights of the glyph's blocks. */
            outputSizes?: number[] | null;
            /**
             * Format: double
             * @description The test accuracy on the requested class, when `classIndex` was given and the model is trained.
             */
            classAccuracy?: number | null;
        };
        /** @description How the view's coordinates were made. */
        OverviewProjectionInfo: {
            method?: string | null;
            /** Format: int32 */
            seed?: number;
            /**
             * Format: int32
             * @description The landmarks of the basis; 0 for t-SNE.
             */
            landmarkCount?: number;
            /**
             * Format: int32
             * @description Models placed with the stored basis since it was fitted; the others did not move.
             */
            placedOutOfSample?: number;
            /** Format: date-time */
            computedAt?: string;
        };
        /** @description A page of the overview. */
        OverviewResponse: {
            dataset?: string | null;
            projection?: string | null;
            /** Format: int32 */
            classIndex?: number | null;
            /**
             * Format: int32
             * @description Every model of the dataset in this view.
             */
            modelCount?: number;
            /**
             * Format: int32
             * @description The models with coordinates.
             */
            placedCount?: number;
            /** @description True when `maxPoints` left points out. */
            thinned?: boolean;
            /**
             * Format: int64
             * @description Pass as `after` for the next page; null on the last page.
             */
            nextAfter?: number | null;
            /** @description The extent of every placed point of the view (before paging and thinning), so a client can fix its axes. */
            bounds?: components["schemas"]["OverviewBounds"] | null;
            /** @description How the view's coordinates were made. */
            projectionInfo?: components["schemas"]["OverviewProjectionInfo"] | null;
            /** @description The point of the `focus` model. */
            focus?: components["schemas"]["OverviewPoint"] | null;
            points?: components["schemas"]["OverviewPoint"][] | null;
        };
        /** @description How a derived model's mean validation accuracy differs from its parent's, next to the spread between seeds. */
        ParentComparison: {
            /**
             * Format: double
             * @description This model's mean validation accuracy minus the parent's.
             */
            difference?: number;
            /**
             * Format: double
             * @description The pooled sample standard deviation of validation accuracy over the seeds of both models; null when
             *     neither has at least two runs, because one run per model says nothing about the spread.
             */
            seedSpread?: number | null;
            /**
             * @description True when |Difference| is larger than SeedSpread. A coarse rule of thumb, not a significance test:
             *     with few seeds, a difference inside the spread may be noise. Null when SeedSpread is null.
             */
            exceedsSeedSpread?: boolean | null;
            /** Format: int32 */
            runs?: number;
            /** Format: int32 */
            parentRuns?: number;
        };
        /** @description One sampled architecture. */
        PopulationMemberResponse: {
            /**
             * Format: int32
             * @description The 0-based position in the sample.
             */
            index?: number;
            /** @description The layers' short form. */
            layers?: string | null;
            /** @description True when a queued, running or trained model with the same architecture, dataset and training settings already existed. */
            reused?: boolean;
            /**
             * Format: int32
             * @description The index of an earlier member with the same architecture hash; that member's model is trained once for both.
             */
            duplicateOf?: number | null;
            /** @description A model as listings show it. */
            model?: components["schemas"]["ModelSummary"] | null;
            /** @description A training job and its progress. */
            job?: components["schemas"]["JobResponse"] | null;
        };
        /** @description The sampled population. */
        PopulationResponse: {
            dataset?: string | null;
            /** Format: int32 */
            seed?: number;
            /** Format: int32 */
            requested?: number;
            /**
             * Format: int32
             * @description New models queued for training.
             */
            queued?: number;
            /** Format: int32 */
            reused?: number;
            /**
             * Format: int32
             * @description Members that repeat an earlier member's architecture.
             */
            duplicates?: number;
            /**
             * Format: int32
             * @description Sampler walks drawn again because they exceeded the parameter budget.
             */
            discardedWalks?: number;
            members?: components["schemas"]["PopulationMemberResponse"][] | null;
        };
        ProblemDetails: {
            type?: string | null;
            title?: string | null;
            /** Format: int32 */
            status?: number | null;
            detail?: string | null;
            instance?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Asks for a projection to be fitted again on every model, which may move every point. */
        RecomputeProjectionRequest: {
            /** @description structure or prediction: accuracy-size needs no fit. */
            projection?: string | null;
            /** @description The dataset whose projection to fit. May be left out when every model uses one dataset. */
            dataset?: string | null;
            /** @description landmark-mds (default) or tsne, with the same model limits as GET /api/v1/overview. */
            method?: string | null;
            /**
             * Format: int32
             * @description The t-SNE seed, 0 or more; the server's Remap:Exploration:Seed (1 by default) when left out. The same seed and models give the same layout.
             */
            seed?: number | null;
        };
        /** @description The result of a finished training of one seed. */
        RunResponse: {
            /** Format: int64 */
            id?: number;
            /** Format: int64 */
            jobId?: number;
            /** Format: int32 */
            seed?: number;
            epochs?: components["schemas"]["EpochMetricsResponse"][] | null;
            /** Format: double */
            validationAccuracy?: number;
            /** Format: double */
            testAccuracy?: number;
            perClassTestAccuracy?: number[] | null;
            confusionMatrix?: number[][] | null;
            /** Format: double */
            durationSeconds?: number;
            /** Format: date-time */
            finishedAt?: string;
            /** @description completed, early-stopping or time-budget. */
            stopReason?: string | null;
            /**
             * Format: int32
             * @description How many layers started from the parent model's trained weights.
             */
            warmStartedLayers?: number;
            /**
             * Format: int32
             * @description The checkpoint epoch the run resumed from after a crash or restart; 0 when it ran from the first epoch.
             */
            resumedFromEpoch?: number;
        };
        /** @description A new priority for a queued job. */
        SetPriorityRequest: {
            /**
             * Format: int32
             * @description Required, from -1,000,000 to 1,000,000. Higher runs first; equal priorities run in the order they were queued.
             */
            priority: number;
        };
        /** @description A removal that was not turned into a model, with the reason. */
        SkippedAblationResponse: {
            /**
             * Format: int32
             * @description The 0-based index of the (first) layer of the removal.
             */
            layerIndex?: number;
            layer?: string | null;
            reason?: string | null;
            /** @description The 0-based index of every layer of the removal: one, or a whole block. */
            layerIndexes?: number[] | null;
        };
        /** @description Training settings to replace; a null value keeps the file's value or the default. */
        TrainingOverrides: {
            /**
             * Format: int32
             * @description Passes over the training images, 1 to 1000; default 5.
             */
            epochs?: number | null;
            /**
             * Format: int32
             * @description Images per training step, 1 to 65,536; default 64.
             */
            batchSize?: number | null;
            /** @description sgd (with momentum 0.9), adam or adamw; default adam. */
            optimizer?: string | null;
            /**
             * Format: double
             * @description More than 0 and at most 10; default 0.001.
             */
            learningRate?: number | null;
            /**
             * Format: double
             * @description 0 to 1; default 0.
             */
            weightDecay?: number | null;
            /**
             * Format: int32
             * @description Seed of weight initialisation and batch order, 0 to 2,147,483,647; default 42.
             */
            seed?: number | null;
        };
        /** @description The training settings a model is trained with. */
        TrainingSettingsResponse: {
            /** Format: int32 */
            epochs?: number;
            /** Format: int32 */
            batchSize?: number;
            optimizer?: string | null;
            /** Format: double */
            learningRate?: number;
            /** Format: double */
            weightDecay?: number;
            /** Format: int32 */
            seed?: number;
        };
        /** @description One child of a variation request. */
        VariationChildResponse: {
            layers?: string | null;
            changes?: components["schemas"]["LayerChangeResponse"][] | null;
            /** @description True when a queued, running or trained model with the same architecture, dataset and training settings already existed. */
            reused?: boolean;
            /** @description A model as listings show it. */
            model?: components["schemas"]["ModelSummary"] | null;
            /** @description A training job and its progress. */
            job?: components["schemas"]["JobResponse"] | null;
        };
        /** @description The children made for a parent. */
        VariationsResponse: {
            /** Format: int64 */
            parentId?: number;
            /** Format: int32 */
            seed?: number;
            /** Format: int32 */
            requested?: number;
            /**
             * Format: int32
             * @description Candidates drawn and dropped because their shapes failed, they exceeded the budget or repeated the parent or a sibling.
             */
            rejectedCandidates?: number;
            /** @description Why fewer children than requested were made, or null. */
            shortfall?: string | null;
            children?: components["schemas"]["VariationChildResponse"][] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CreateAblationStudy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the parent model; its training must have succeeded. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAblationStudyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AblationStudyResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListDatasets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetResponse"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetClassSamples: {
        parameters: {
            query?: {
                /** @description How many images, 1 to 100; default 10. */
                count?: number;
            };
            header?: never;
            path: {
                /** @description A dataset name from GET /api/v1/datasets. */
                name: string;
                /** @description The 0-based class, from 0 to the dataset's class count − 1. */
                classIndex: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    StreamEvents: {
        parameters: {
            query?: {
                /** @description The same as the Last-Event-ID header, for clients that cannot set headers; the header wins when both are sent. */
                lastEventId?: string;
                /** @description Only this job's events; an unknown job id is 404. Every job's events when left out. */
                jobId?: number;
            };
            header?: {
                /** @description The id of the last event the client received; the stream first replays the retained events after it. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["JobEvent"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListJobs: {
        parameters: {
            query?: {
                /** @description Only jobs in this state: queued, running, succeeded, failed, cancelled or diverged; every job when left out. */
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job id, as GET /api/v1/jobs lists it. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job id, as GET /api/v1/jobs lists it. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetJobPriority: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job id, as GET /api/v1/jobs lists it. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPriorityRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListModels: {
        parameters: {
            query?: {
                /** @description Only models with this architecture hash. */
                architectureHash?: string;
                /** @description Only models trained on this dataset. */
                dataset?: string;
                /** @description The most models in one page, 1 to 1000; default 100. */
                limit?: number;
                /** @description Where the page starts: the X-Next-Cursor header of the previous page, unchanged; the first page when left out. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelSummary"][];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModelRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedModelResponse"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedModelResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model id, as GET /api/v1/models lists it. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelDetail"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetModelDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the first model: the one the change texts number layers in. */
                id: number;
                /** @description The id of the model to compare it with. */
                otherId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelDiffResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetModelGlyph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model id, as GET /api/v1/models lists it. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetOverview: {
        parameters: {
            query?: {
                /** @description The view: structure (architecture distance), prediction (which validation images each model gets right) or accuracy-size (x: validation accuracy from 0 to 1, y: log10 of the parameter count). Default: structure. */
                projection?: string;
                /** @description How the structure and prediction views are projected: landmark-mds (default; any number of models, new models placed without moving the others) or tsne (exact t-SNE, at most Remap:Exploration:MaxTsneModels models, 3,000 by default, and in the structure view at most Remap:Exploration:MaxTsneStructureModels, 1,000 by default). Leave it out for accuracy-size. */
                method?: string;
                /** @description The dataset whose models to show. May be left out when every model uses one dataset. */
                dataset?: string;
                /** @description Adds each trained model's test accuracy on this class (0-based, 0 to the dataset's class count − 1), to colour the plot by class. Default: none. */
                classIndex?: number;
                /** @description The most points in one page, 1 to 50,000. Default: 10,000. */
                limit?: number;
                /** @description Returns models with a larger id than this one (0 or more): pass the nextAfter of the previous page. Default: from the first model. */
                after?: number;
                /** @description Thins the view to at most this many placed points, 10 to 50,000, keeping the most accurate model of each cell of a grid over the view's bounds; unplaced models are left out. Default: no thinning. */
                maxPoints?: number;
                /** @description A model id (1 or more) to jump to: the response carries its point in focus even when paging or thinning leaves it out. 404 when the overview has no model with this id. */
                focus?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RecomputeProjection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecomputeProjectionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewProjectionInfo"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreatePopulation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePopulationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PopulationResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateVariations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the parent model; its training must have succeeded. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariationsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariationsResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
